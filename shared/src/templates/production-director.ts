import type { TemplateDefinition } from '../templates';
import {
  ACCESS, DOCUMENTS, DRAFT, SIGN_OFF, TEAM_BRIEFING, TEAM_MEETING,
} from './milestones';

/**
 * 生产总监: supplier ties and unsettled amounts, safety and environmental
 * duties, quality claims and the real state of the machines rarely live
 * anywhere but in the head of the person who ran the plant.
 */
export const PRODUCTION_DIRECTOR: TemplateDefinition = {
  name: '生产总监',
  description: '生产负责人离任时，供应商关系和欠款、安全生产与环保责任、'
    + '质量纠纷、设备的真实状况和关键工艺参数最容易断档。本模板逐项交接，'
    + '并由部门负责人重新落实安全生产责任。',
  sections: [
    {
      key: 'strategic_projects',
      prompts: [
        {
          key: 'production_plan', kind: 'project', required: true,
          title: '年度生产计划与产能',
          hint: '本年度产量目标和完成情况、各产线产能与瓶颈工序、旺季排产安排，'
            + '以及排产背后对客户的交期承诺。',
        },
        {
          key: 'capex_projects', kind: 'project', required: false,
          title: '技改、扩产与精益项目',
          hint: '在建的技改、新产线、自动化或精益改善项目：预算、进度、'
            + '设备供应商、验收节点和没解决的问题。',
        },
      ],
    },
    {
      key: 'core_resources',
      prompts: [
        {
          key: 'key_suppliers', kind: 'supplier', required: true,
          title: '关键原材料与零部件供应商',
          hint: '每家关键供应商单独一条：供货品类和份额、价格与账期、未结算金额、'
            + '是否独家或难以替代、近期的交付或质量问题，据此评定风险。',
        },
        {
          key: 'subcontractors', kind: 'supplier', required: false,
          title: '外协、维保与危废处置单位',
          hint: '外协加工厂、模具厂、设备维保和危废处置单位：合作范围、'
            + '合同期限、欠款、资质到期日和质量记录。',
        },
      ],
    },
    {
      key: 'team',
      prompts: [
        {
          key: 'plant_leads', kind: 'team_member', required: true,
          title: '车间主任与生产骨干',
          hint: '车间、计划、设备、质量、安全负责人逐人填写：管理风格、近期表现、'
            + '擅长与短板、谁掌握关键工艺诀窍、谁持有特种作业证。',
        },
      ],
    },
    {
      key: 'risks',
      prompts: [
        {
          key: 'safety_ehs', kind: 'audit', required: true,
          title: '安全生产与环保合规',
          hint: '安全生产责任书、未整改完的隐患和监管部门的检查意见、'
            + '排污许可与环评验收状态、特种设备定检日期、近三年的事故和处罚。',
        },
        {
          key: 'quality_claims', kind: 'dispute', required: true,
          title: '质量索赔与纠纷',
          hint: '客户退货和质量索赔、对供应商的反索赔逐笔列出：金额、'
            + '责任认定的进展、对方的诉求和我方的底线。',
        },
        {
          key: 'purchase_contracts', kind: 'contract', required: false,
          title: '采购框架合同与未履约订单',
          hint: '年度采购框架合同、锁价协议和最低采购量承诺，'
            + '以及到期未交货或未付款的订单。',
        },
        {
          key: 'certification', kind: 'audit', required: false,
          title: '体系认证与客户审核',
          hint: 'ISO 9001、14001、45001 或 IATF 16949 等证书的有效期、'
            + '下次监督审核日期、未关闭的不符合项，以及大客户的二方审核安排。',
        },
      ],
    },
    {
      key: 'documents_assets',
      prompts: [
        {
          key: 'process_documents', kind: 'document', required: true,
          title: '工艺文件与作业指导书',
          hint: '工艺路线、BOM、SOP、检验标准和设备操作规程的最新版本及位置，'
            + '特别是只记在个人电脑或笔记本里的工艺参数。',
        },
        {
          key: 'equipment', kind: 'asset', required: true,
          title: '关键生产设备与模具',
          hint: '关键设备和模具逐台列明：资产编号、运行状况、大修和维保计划、'
            + '备件情况，哪些设备带病运行。',
        },
        {
          key: 'keys_and_cards', kind: 'asset', required: false,
          title: '钥匙、门禁卡与配发物品',
          hint: '仓库、配电房、危化品库的钥匙（双人双锁的写明另一位保管人）、'
            + '门禁卡、电脑和劳保用品。',
        },
      ],
    },
    {
      key: 'system_access',
      prompts: [
        {
          key: 'mes_erp', kind: 'system_access', required: true,
          title: 'MES 与 ERP 生产模块权限',
          hint: '排产、工单、BOM 变更、领料和报工的审批权限转给继任者；'
            + '停用原账号前，先处理挂在他名下的工单和审批。',
        },
        {
          key: 'plant_systems', kind: 'system_access', required: false,
          title: '门禁、监控与设备控制系统',
          hint: '厂区门禁、视频监控、SCADA 或 PLC 的管理账号：修改密码，'
            + '确认没有仍对他开放的远程访问通道。',
        },
      ],
    },
  ],
  milestones: [
    DRAFT,
    {
      key: 'suppliers',
      title: '完成供应商对接',
      ownerRole: 'departing',
      due: { from: 'start', businessDays: 3 },
    },
    DOCUMENTS,
    TEAM_BRIEFING,
    TEAM_MEETING,
    {
      key: 'safety',
      title: '完成安全生产责任交接',
      ownerRole: 'manager',
      due: { from: 'last_day', businessDays: -2 },
    },
    ACCESS,
    SIGN_OFF,
  ],
};
