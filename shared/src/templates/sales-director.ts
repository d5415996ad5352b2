import type { TemplateDefinition } from '../templates';
import {
  ACCESS, CLIENTS, DOCUMENTS, DRAFT, SIGN_OFF, TEAM_BRIEFING, TEAM_MEETING,
} from './milestones';

/**
 * 销售总监: the clients, channels, pipeline and money owed are what walk
 * out with a sales head, along with the discounts only he remembers
 * promising.
 */
export const SALES_DIRECTOR: TemplateDefinition = {
  name: '销售总监',
  description: '销售负责人离任时，客户关系、渠道政策、在途商机和回款最容易'
    + '随人流失。本模板按客户、渠道、商机、价格承诺和应收逐项交接，'
    + '并把企业微信客户转给继任者。',
  sections: [
    {
      key: 'strategic_projects',
      prompts: [
        {
          key: 'sales_target', kind: 'project', required: true,
          title: '年度销售目标与达成情况',
          hint: '写明目标口径（签约额还是回款额、含税与否）、截至目前的'
            + '达成率、按区域和产品的拆分，以及剩余缺口准备靠哪些客户补。',
        },
        {
          key: 'pipeline', kind: 'project', required: true,
          title: '重点商机',
          hint: '金额大或即将签约的商机各填一条：客户、预计金额和签约时间、'
            + '卡在哪一步、对方谁拍板、哪些事需要继任者亲自出面。',
        },
        {
          key: 'bids', kind: 'project', required: false,
          title: '在投的招投标项目',
          hint: '标书截止日、保证金是否已交、技术和商务由谁负责、'
            + '报价底线和审批人，以及开标后的跟进安排。',
        },
      ],
    },
    {
      key: 'core_resources',
      prompts: [
        {
          key: 'key_accounts', kind: 'client', required: true,
          title: '重点客户',
          hint: '每家重点客户单独一条：拍板的人和能影响决策的人、采购偏好'
            + '和忌讳、习惯的沟通方式、在手订单和交期、未处理完的售后问题。'
            + '关联对方的企业微信外部联系人，客户才能转给继任者。',
        },
        {
          key: 'channels', kind: 'client', required: true,
          title: '经销商与渠道伙伴',
          hint: '代理区域和协议期限、年度任务与返利政策、渠道库存和压货情况、'
            + '窜货或价格冲突的历史，以及对方老板与他本人的交情深浅。',
        },
      ],
    },
    {
      key: 'team',
      prompts: [
        {
          key: 'sales_team', kind: 'team_member', required: true,
          title: '销售团队骨干',
          hint: '区域经理和核心销售逐人填写：负责的区域和客户、近期业绩、'
            + '擅长与短板、谁有离职风险、谁手里有只认他本人的客户。',
        },
      ],
    },
    {
      key: 'risks',
      prompts: [
        {
          key: 'price_commitments', kind: 'contract', required: true,
          title: '价格承诺与返利约定',
          hint: '给客户或经销商的特价、阶梯价、年度返利、保价和账期承诺，'
            + '尤其是口头答应过、没写进合同的部分；注明批准人和有效期。',
        },
        {
          key: 'overdue_receivables', kind: 'receivable', required: true,
          title: '逾期应收账款',
          hint: '按客户列出逾期金额、账龄、原定回款日、催收进展和对方的说法；'
            + '已发律师函或进入诉讼的一并注明。',
        },
        {
          key: 'frame_contracts', kind: 'contract', required: false,
          title: '待续签的框架合同',
          hint: '三个月内到期的年度框架协议：续签谈判进展、'
            + '最低采购量和违约条款、对方可能提出的新条件。',
        },
        {
          key: 'customer_disputes', kind: 'dispute', required: false,
          title: '客户投诉与争议',
          hint: '尚未了结的质量投诉、退货、扣款或索赔：涉及金额、'
            + '责任认定到了哪一步、我方能接受的底线。',
        },
      ],
    },
    {
      key: 'documents_assets',
      prompts: [
        {
          key: 'customer_files', kind: 'document', required: true,
          title: '客户档案与合同原件',
          hint: '客户资料、报价单和已签合同放在哪里（共享盘路径或档案柜），'
            + '哪些只存在个人电脑或个人微信里、需要导出。',
        },
        {
          key: 'sales_policies', kind: 'document', required: false,
          title: '价格体系与销售政策',
          hint: '现行价格表、折扣审批权限表、渠道政策和提成方案的'
            + '最新版本及存放位置，标出实际执行与文件不一致的地方。',
        },
        {
          key: 'sales_equipment', kind: 'asset', required: false,
          title: '样品、演示设备与工作手机',
          hint: '随身样品、演示设备、电脑和工作手机逐件列明；'
            + '客户认得的工作手机号要留给继任者，不要随人注销。',
        },
      ],
    },
    {
      key: 'system_access',
      prompts: [
        {
          key: 'crm', kind: 'system_access', required: true,
          title: 'CRM 系统账号',
          hint: '名下的客户、商机和跟进记录先转给继任者，再停用账号；'
            + '写明原来的管理范围，便于给继任者开同样的权限。',
        },
        {
          key: 'pricing_approval', kind: 'system_access', required: true,
          title: '报价与特价审批权限',
          hint: 'OA 或 ERP 里的报价、折扣和合同审批节点，最后工作日前'
            + '必须撤下，否则离任后单据仍会卡在他名下或被人代批。',
        },
        {
          key: 'customer_portals', kind: 'system_access', required: false,
          title: '客户采购平台与投标平台账号',
          hint: '用他本人手机号或邮箱注册的客户供应商门户、招投标平台账号，'
            + '改绑到公司或继任者名下。',
        },
      ],
    },
  ],
  milestones: [
    DRAFT,
    CLIENTS,
    {
      key: 'receivables',
      title: '核对逾期应收与价格承诺',
      ownerRole: 'successor',
      due: { from: 'last_day', businessDays: -6 },
    },
    DOCUMENTS,
    TEAM_BRIEFING,
    TEAM_MEETING,
    ACCESS,
    SIGN_OFF,
  ],
};
