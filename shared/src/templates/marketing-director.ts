import type { TemplateDefinition } from '../templates';
import {
  ACCESS, DOCUMENTS, DRAFT, SIGN_OFF, TEAM_BRIEFING, TEAM_MEETING,
} from './milestones';

/**
 * 市场总监: agencies, media buying commitments, campaign budgets and brand
 * assets, and above all the official accounts whose administrator is often
 * bound to the leaver's own WeChat or phone number.
 */
export const MARKETING_DIRECTOR: TemplateDefinition = {
  name: '市场总监',
  description: '市场负责人离任时，代理商与媒体关系、在执行的投放合同和预算、'
    + '品牌资产最容易出问题，绑定在个人微信或手机号上的官方账号尤甚。'
    + '本模板逐项交接，并在离任前完成管理员变更。',
  sections: [
    {
      key: 'strategic_projects',
      prompts: [
        {
          key: 'marketing_plan', kind: 'project', required: true,
          title: '年度市场计划与预算执行',
          hint: '年度品牌和营销目标、预算总额及各渠道分配、已花费和已承诺'
            + '未支付的金额、效果指标的达成情况。',
        },
        {
          key: 'campaigns', kind: 'project', required: true,
          title: '在执行的营销活动',
          hint: '每个在执行或已定档的活动单独一条：目标、预算、代理商、'
            + '上线或发布会等关键日期、审批状态和待解决的问题。',
        },
      ],
    },
    {
      key: 'core_resources',
      prompts: [
        {
          key: 'agencies', kind: 'supplier', required: true,
          title: '广告、公关与创意代理商',
          hint: '每家代理商单独一条：服务范围和合同期限、计费方式、未结算金额、'
            + '对接人，合作中的问题和是否打算更换。',
        },
        {
          key: 'media_partners', kind: 'supplier', required: false,
          title: '媒体、达人与投放资源',
          hint: '长期合作的媒体、KOL 和投放平台：合作方式和价格、框架或返点、'
            + '对方的对接人，以及只认他本人的关系。',
        },
      ],
    },
    {
      key: 'team',
      prompts: [
        {
          key: 'marketing_team', kind: 'team_member', required: true,
          title: '市场团队骨干',
          hint: '品牌、内容、数字营销、活动等负责人逐人填写：负责的渠道和账号、'
            + '近期表现、擅长与短板、手上的活动。',
        },
      ],
    },
    {
      key: 'risks',
      prompts: [
        {
          key: 'media_contracts', kind: 'contract', required: true,
          title: '媒体投放与代理合同',
          hint: '已签未执行完的投放合同、年框和保量承诺：返点条款、最低消耗、'
            + '提前终止的违约金。',
        },
        {
          key: 'sponsorships', kind: 'contract', required: false,
          title: '代言、联名与赞助协议',
          hint: '期限、权利范围和排他条款，续约或解约要在什么时候决定。',
        },
        {
          key: 'compliance_disputes', kind: 'dispute', required: false,
          title: '版权、肖像与广告合规纠纷',
          hint: '素材版权、代言人肖像、广告法用语等引起的投诉、下架通知或诉讼：'
            + '涉及金额和进展。',
        },
      ],
    },
    {
      key: 'documents_assets',
      prompts: [
        {
          key: 'brand_assets', kind: 'asset', required: true,
          title: '商标、域名与品牌资产',
          hint: '注册商标清单和续展日期、域名的注册账号和到期日、VI 源文件，'
            + '以及字体、图片和音乐的授权范围。',
        },
        {
          key: 'creative_archive', kind: 'document', required: true,
          title: '素材库与活动档案',
          hint: '历年活动方案、设计源文件、视频素材和授权书的存放位置，'
            + '哪些只在代理商或个人网盘里。',
        },
        {
          key: 'event_stock', kind: 'asset', required: false,
          title: '展具、礼品与物料库存',
          hint: '展台、易拉宝、礼品和宣传物料的数量、存放地点和保管人。',
        },
      ],
    },
    {
      key: 'system_access',
      prompts: [
        {
          key: 'official_accounts', kind: 'system_access', required: true,
          title: '公众号、视频号等官方账号',
          hint: '微信公众号、视频号、微博、抖音、小红书等官方账号：管理员常绑'
            + '在个人微信或手机号上，离任前完成管理员变更，并确认认证主体是公司。',
        },
        {
          key: 'ad_accounts', kind: 'system_access', required: true,
          title: '广告投放平台账户',
          hint: '各投放平台账户的管理权限和账户余额，转给继任者，'
            + '并更换登录手机号和安全邮箱。',
        },
        {
          key: 'martech', kind: 'system_access', required: false,
          title: '营销工具与数据平台',
          hint: '会员系统、社群工具、问卷和数据分析平台的账号，转移或撤销。',
        },
      ],
    },
  ],
  milestones: [
    DRAFT,
    {
      key: 'agencies',
      title: '完成代理商与媒体对接',
      ownerRole: 'departing',
      due: { from: 'start', businessDays: 3 },
    },
    DOCUMENTS,
    TEAM_BRIEFING,
    TEAM_MEETING,
    {
      // Most platforms need the current administrator to approve the change
      // from his own phone, which he can only do while still here.
      key: 'account_admins',
      title: '完成官方账号管理员变更',
      ownerRole: 'departing',
      due: { from: 'last_day', businessDays: -2 },
    },
    ACCESS,
    SIGN_OFF,
  ],
};
