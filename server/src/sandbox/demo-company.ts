/**
 * The demo company 示例制造有限公司 that the sandbox seeds into the WeCom
 * emulator. Userids are fixed so tests and scripts can rely on them; the
 * shapes follow what WeCom's directory and external-contact APIs return.
 */

/** A department as `department/list` returns it. */
export interface DemoDepartment {
  id: number;
  name: string;
  /** 0 for the root. */
  parentid: number;
  order: number;
  department_leader: string[];
}

/** A member as `user/get` returns it (apps made after 2022-06 see no more). */
export interface DemoPerson {
  userid: string;
  name: string;
  position: string;
  department: number[];
  main_department: number;
  /** One flag per entry of `department`: 1 when leader there. */
  is_leader_in_dept: number[];
  direct_leader: string[];
  /** 1 active, 2 disabled, 4 not activated, 5 left. */
  status: 1 | 2 | 4 | 5;
}

/** A tag the following member put on a customer. */
export interface DemoCustomerTag {
  group_name: string;
  tag_name: string;
  /** 1 corp tag, 2 personal tag. */
  type: 1 | 2;
}

/** One member who follows (has added) a customer. */
export interface DemoFollower {
  userid: string;
  remark: string;
  description: string;
  /** Unix seconds when the member added the customer. */
  createtime: number;
  tags: DemoCustomerTag[];
  /** How the customer was added; 1 = scanned the member's QR code. */
  add_way: number;
  oper_userid: string;
}

/** A WeCom customer (external contact) as `externalcontact/get` shows it. */
export interface DemoCustomer {
  external_userid: string;
  name: string;
  /** 1 a WeChat user, 2 a WeCom user of another company. */
  type: 1 | 2;
  /** 0 unknown, 1 male, 2 female. */
  gender: 0 | 1 | 2;
  corp_name?: string;
  corp_full_name?: string;
  position?: string;
  follow_user: DemoFollower[];
}

/** A customer group chat (客户群) as `groupchat/get` shows its head. */
export interface DemoCustomerGroup {
  chat_id: string;
  name: string;
  /** The member who owns it. */
  owner: string;
}

/** Everything the emulator needs to know about one company. */
export interface DemoCompany {
  corpName: string;
  departments: DemoDepartment[];
  people: DemoPerson[];
  customers: DemoCustomer[];
  /** Customer group chats; none when left out. */
  customerGroups?: DemoCustomerGroup[];
}

/** Who plays which part in the demo handover. */
export const DEMO_ROLES = {
  departing: 'zhangwei',
  successor: 'lina',
  hr: 'wangfang',
  manager: 'liuyang',
  outsider: 'chenjing',
  secondTemplate: 'zhaolei',
} as const;

/** The demo company's departments; 1 is the root. */
export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  {
    id: 1, name: '示例制造有限公司', parentid: 0, order: 100000000,
    department_leader: ['liuyang'],
  },
  {
    id: 2, name: '总经办', parentid: 1, order: 99999000,
    department_leader: ['liuyang'],
  },
  {
    id: 3, name: '销售部', parentid: 1, order: 99998000,
    department_leader: ['zhangwei'],
  },
  {
    id: 4, name: '人力资源部', parentid: 1, order: 99997000,
    department_leader: ['wangfang'],
  },
  {
    id: 5, name: '财务部', parentid: 1, order: 99996000,
    department_leader: ['chenjing'],
  },
  {
    id: 6, name: '生产部', parentid: 1, order: 99995000,
    department_leader: ['zhaolei'],
  },
];

/** The demo company's members, with the fixed userids of DESIGN.md. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    userid: 'zhangwei', name: '张伟', position: '销售总监',
    department: [3], main_department: 3, is_leader_in_dept: [1],
    direct_leader: ['liuyang'], status: 1,
  },
  {
    userid: 'lina', name: '李娜', position: '华东大区经理',
    department: [3], main_department: 3, is_leader_in_dept: [0],
    direct_leader: ['zhangwei'], status: 1,
  },
  {
    userid: 'wangfang', name: '王芳', position: 'HR经理',
    department: [4], main_department: 4, is_leader_in_dept: [1],
    direct_leader: ['liuyang'], status: 1,
  },
  {
    userid: 'liuyang', name: '刘洋', position: '总经理',
    department: [2], main_department: 2, is_leader_in_dept: [1],
    direct_leader: [], status: 1,
  },
  {
    userid: 'chenjing', name: '陈静', position: '财务经理',
    department: [5], main_department: 5, is_leader_in_dept: [1],
    direct_leader: ['liuyang'], status: 1,
  },
  {
    userid: 'zhaolei', name: '赵磊', position: '生产总监',
    department: [6], main_department: 6, is_leader_in_dept: [1],
    direct_leader: ['liuyang'], status: 1,
  },
];

const KEY_ACCOUNT: DemoCustomerTag = {
  group_name: '客户等级', tag_name: '重点客户', type: 1,
};
const REGULAR: DemoCustomerTag = {
  group_name: '客户等级', tag_name: '普通客户', type: 1,
};

/** Follower entry for zhangwei, the departing sales director. */
function followedByZhangwei(
  remark: string, description: string, createtime: number,
  tags: DemoCustomerTag[],
): DemoFollower {
  return {
    userid: 'zhangwei', remark, description, createtime, tags,
    add_way: 1, oper_userid: 'zhangwei',
  };
}

/** zhangwei's WeCom customers, to be transferred to lina. */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    external_userid: 'wmDemoHuaxinJixie0001', name: '陈国栋', type: 2,
    gender: 1, corp_name: '华信机械', corp_full_name: '华信机械设备有限公司',
    position: '采购总监',
    follow_user: [followedByZhangwei(
      '华信-陈总', '年框合同，每季度复购', 1_672_531_200, [KEY_ACCOUNT],
    )],
  },
  {
    external_userid: 'wmDemoDongfangJingmi02', name: '李明', type: 2,
    gender: 1, corp_name: '东方精密',
    corp_full_name: '东方精密制造股份有限公司', position: '采购经理',
    follow_user: [followedByZhangwei(
      '东方精密-李经理', '新品试样中', 1_688_169_600, [KEY_ACCOUNT],
    )],
  },
  {
    external_userid: 'wmDemoJinqiaoMaoyi003', name: '王海涛', type: 2,
    gender: 1, corp_name: '金桥贸易', corp_full_name: '金桥贸易有限公司',
    position: '总经理',
    follow_user: [followedByZhangwei(
      '金桥-王总', '有一笔应收款待回', 1_696_118_400, [REGULAR],
    )],
  },
  {
    external_userid: 'wmDemoZhouMinWechat04', name: '周敏', type: 1,
    gender: 2,
    follow_user: [followedByZhangwei(
      '周敏（经销商）', '苏州地区经销商', 1_704_067_200, [REGULAR],
    )],
  },
];

/** zhangwei's customer group chats, to move to lina with his customers. */
export const DEMO_CUSTOMER_GROUPS: readonly DemoCustomerGroup[] = [
  { chat_id: 'wrDemoHuadongKehu0001', name: '华东重点客户群', owner: 'zhangwei' },
  { chat_id: 'wrDemoJingxiaoshang02', name: '苏州经销商群', owner: 'zhangwei' },
];

/** The demo company as one value, the emulator's default directory. */
export const DEMO_COMPANY: DemoCompany = {
  corpName: '示例制造有限公司',
  departments: [...DEMO_DEPARTMENTS],
  people: [...DEMO_PEOPLE],
  customers: [...DEMO_CUSTOMERS],
  customerGroups: [...DEMO_CUSTOMER_GROUPS],
};
