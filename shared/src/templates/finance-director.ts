import type { TemplateDefinition } from '../templates';
import {
  ACCESS, DOCUMENTS, DRAFT, SIGN_OFF, TEAM_BRIEFING, TEAM_MEETING,
} from './milestones';

/**
 * 财务总监: the danger is seals, U-keys and bank authority left with
 * someone who has gone, and audit, tax and financing matters whose state
 * only he knows.
 */
export const FINANCE_DIRECTOR: TemplateDefinition = {
  name: '财务总监',
  description: '财务负责人离任时，印章、U 盾和网银授权若仍在离任者手里，'
    + '风险最大；审计、税务和融资的进度与口头约定也常常只有他清楚。'
    + '本模板逐项交接资金、账务、税务和权限，并变更银行授权人。',
  sections: [
    {
      key: 'strategic_projects',
      prompts: [
        {
          key: 'budget', kind: 'project', required: true,
          title: '年度预算编制与执行',
          hint: '今年预算的审批版本和口径、各部门执行偏差、已批未用的大额预算，'
            + '以及明年预算编制的时间表和目前进度。',
        },
        {
          key: 'finance_initiatives', kind: 'project', required: false,
          title: '在推进的财务专项',
          hint: '如上市筹备、财务系统上线、资金集中管理或降本项目：目标、进度、'
            + '外部顾问、下一个关键日期和没解决的问题。',
        },
      ],
    },
    {
      key: 'core_resources',
      prompts: [
        {
          key: 'banks', kind: 'supplier', required: true,
          title: '合作银行与授信',
          hint: '每家银行单独一条：账户及用途、客户经理和联系方式、授信额度与'
            + '到期日、贷款余额、承兑和保函敞口、对方特别关注的条款。',
        },
        {
          key: 'service_firms', kind: 'supplier', required: false,
          title: '会计师事务所、税务师与其他中介',
          hint: '审计、税务、评估、法律等机构：服务范围和合同期限、未付费用、'
            + '对接人，以及他们手上还没出具的报告。',
        },
      ],
    },
    {
      key: 'team',
      prompts: [
        {
          key: 'finance_team', kind: 'team_member', required: true,
          title: '财务团队骨干',
          hint: '会计主管、出纳、税务会计、资金专员逐人填写：各自掌管的账套、'
            + '印章或 U 盾，近期表现，能否独立完成月结和申报，谁是单点依赖。',
        },
      ],
    },
    {
      key: 'risks',
      prompts: [
        {
          key: 'annual_audit', kind: 'audit', required: true,
          title: '年度审计',
          hint: '审计机构、所处阶段（预审、现场、出报告）、审计师尚未关闭的'
            + '问题和调整事项、约定的报告日期、管理层声明书由谁签。',
        },
        {
          key: 'tax', kind: 'audit', required: true,
          title: '纳税申报与税务检查',
          hint: '各税种的申报周期和下一个截止日、汇算清缴进度、在办的退税或'
            + '稽查、税务专管员的联系方式、享受的优惠及其备案条件。',
        },
        {
          key: 'financing', kind: 'contract', required: true,
          title: '借款、担保与融资合同',
          hint: '银行借款、融资租赁和对外担保逐笔列出：金额、利率、到期日、'
            + '抵押物，以及资产负债率等财务指标承诺和提前还款条款。',
        },
        {
          key: 'large_receivables', kind: 'receivable', required: false,
          title: '大额及长账龄应收款',
          hint: '金额重大或账龄超过一年的应收款和其他应收款：坏账计提情况、'
            + '已启动的催收或诉讼，含员工借款和备用金。',
        },
        {
          key: 'payment_commitments', kind: 'contract', required: false,
          title: '大额应付与付款承诺',
          hint: '已答应供应商或股东的付款安排、分期和延期约定，'
            + '以及到期未付可能触发的违约金。',
        },
      ],
    },
    {
      key: 'documents_assets',
      prompts: [
        {
          key: 'seals_ukeys', kind: 'asset', required: true,
          title: '印章与网银 U 盾',
          hint: '财务专用章、法人名章、发票专用章和各银行 U 盾逐件列明：'
            + '保管人、存放位置、是否已当面移交。没有移交完，不要签三方确认。',
        },
        {
          key: 'ledgers', kind: 'document', required: true,
          title: '账簿、凭证与申报资料',
          hint: '电子账套、纸质凭证、纳税申报表和审计底稿的存放位置，'
            + '密码如何保管，近三年资料是否齐全。',
        },
        {
          key: 'finance_policies', kind: 'document', required: false,
          title: '财务制度与授权审批表',
          hint: '报销、付款审批和资金管理制度，以及授权审批表的最新版本；'
            + '标出实际做法与制度不一致的地方。',
        },
      ],
    },
    {
      key: 'system_access',
      prompts: [
        {
          key: 'online_banking', kind: 'system_access', required: true,
          title: '网银与银企直连权限',
          hint: '各银行网银里的操作员和授权员身份：他的授权员角色必须撤销，'
            + '并到银行更换预留的授权人，必要时一并变更预留印鉴。',
        },
        {
          key: 'erp_finance', kind: 'system_access', required: true,
          title: 'ERP 财务模块权限',
          hint: '总账、应付、资金模块的审批和结账权限，通常转给继任者；'
            + '检查有没有以他的名义设置的自动审批规则。',
        },
        {
          key: 'tax_bureau', kind: 'system_access', required: true,
          title: '电子税务局与开票权限',
          hint: '电子税务局里登记的财务负责人和办税人员要变更为继任者，'
            + '税控设备或数电发票的开票权限一并处理。',
        },
      ],
    },
  ],
  milestones: [
    DRAFT,
    {
      key: 'banks',
      title: '完成银行与中介机构对接',
      ownerRole: 'departing',
      due: { from: 'start', businessDays: 3 },
    },
    DOCUMENTS,
    TEAM_BRIEFING,
    TEAM_MEETING,
    {
      key: 'bank_signatory',
      title: '变更银行授权人与预留印鉴',
      ownerRole: 'successor',
      due: { from: 'last_day', businessDays: -2 },
    },
    ACCESS,
    SIGN_OFF,
  ],
};
