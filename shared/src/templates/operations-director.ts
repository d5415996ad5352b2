import type { TemplateDefinition } from '../templates';
import {
  ACCESS, CLIENTS, DOCUMENTS, DRAFT, SIGN_OFF, TEAM_BRIEFING, TEAM_MEETING,
} from './milestones';

/**
 * 运营总监: day-to-day running rests on the metrics, the exceptions the
 * processes do not write down, the service providers and the service
 * promises made to key clients.
 */
export const OPERATIONS_DIRECTOR: TemplateDefinition = {
  name: '运营总监',
  description: '运营负责人离任时，指标口径、流程里的例外处理、外包与物流服务商、'
    + '对重点客户的服务承诺和应急联络最容易断档。本模板把这些逐项落到纸面。',
  sections: [
    {
      key: 'strategic_projects',
      prompts: [
        {
          key: 'ops_targets', kind: 'project', required: true,
          title: '年度运营指标与达成情况',
          hint: '今年考核的运营指标（成本、时效、满意度等）和计算口径、'
            + '目前的达成情况、未达标项的原因和改进计划。',
        },
        {
          key: 'improvement', kind: 'project', required: false,
          title: '在推进的流程与系统改进',
          hint: '流程再造、系统上线、降本增效等项目：目标、进度、参与部门、'
            + '下一个关键日期和卡住的问题。',
        },
      ],
    },
    {
      key: 'core_resources',
      prompts: [
        {
          key: 'key_clients', kind: 'client', required: true,
          title: '重点客户与服务承诺',
          hint: '签有服务水平协议或特殊交付安排的客户逐一填写：约定的时效和'
            + '赔付条款、对方的关注点、近期投诉和整改情况。',
        },
        {
          key: 'service_providers', kind: 'supplier', required: true,
          title: '外包与物流服务商',
          hint: '物流、仓储、客服外包、IT 运维等服务商：合同条款、未结算金额、'
            + '服务质量、替换的难度和备选方案。',
        },
      ],
    },
    {
      key: 'team',
      prompts: [
        {
          key: 'ops_team', kind: 'team_member', required: true,
          title: '运营团队骨干',
          hint: '各条线负责人逐人填写：负责的流程和指标、近期表现、擅长与短板，'
            + '谁在值班和应急处理中不可替代。',
        },
      ],
    },
    {
      key: 'risks',
      prompts: [
        {
          key: 'provider_contracts', kind: 'contract', required: true,
          title: '服务商合同与续签',
          hint: '即将到期或会自动续约的服务合同、最低业务量承诺、'
            + '违约金条款，以及正在进行的重新招标。',
        },
        {
          key: 'service_claims', kind: 'dispute', required: false,
          title: '服务纠纷与客户索赔',
          hint: '因延误、丢损或服务不达标引起的客户索赔和对服务商的追偿：'
            + '金额、责任划分和谈判进展。',
        },
        {
          key: 'inspections', kind: 'audit', required: false,
          title: '内控检查与外部审核',
          hint: '内审、客户审核和监管检查发现的问题，整改期限和负责人。',
        },
      ],
    },
    {
      key: 'documents_assets',
      prompts: [
        {
          key: 'sops', kind: 'document', required: true,
          title: '流程制度与应急预案',
          hint: '现行 SOP、审批权限表、应急预案和值班表的最新版本及位置，'
            + '标出实际操作和文件不一致的环节。',
        },
        {
          key: 'reporting', kind: 'document', required: true,
          title: '经营报表与数据口径',
          hint: '日报、周报、月报的取数来源和计算口径，'
            + '哪些依赖他个人维护的表格或脚本。',
        },
        {
          key: 'ops_equipment', kind: 'asset', required: false,
          title: '配发设备与钥匙',
          hint: '电脑、工作手机、门禁卡、仓库和机房钥匙，逐件列明归还情况。',
        },
      ],
    },
    {
      key: 'system_access',
      prompts: [
        {
          key: 'ops_systems', kind: 'system_access', required: true,
          title: '业务系统管理员权限',
          hint: 'ERP、WMS、TMS、工单系统等的管理员和审批权限，'
            + '逐个转给继任者或撤销。',
        },
        {
          key: 'vendor_accounts', kind: 'system_access', required: false,
          title: '服务商平台与云服务账号',
          hint: '物流平台、云服务控制台和第三方 SaaS 中用他个人手机号或邮箱'
            + '注册的账号，改绑到公司名下。',
        },
      ],
    },
  ],
  milestones: [
    DRAFT,
    CLIENTS,
    DOCUMENTS,
    TEAM_BRIEFING,
    TEAM_MEETING,
    {
      key: 'on_call',
      title: '更新应急联系人与值班表',
      ownerRole: 'successor',
      due: { from: 'last_day', businessDays: -2 },
    },
    ACCESS,
    SIGN_OFF,
  ],
};
