import type enPrivacy from "./en-privacy";

/** Chinese (zh-CN) UI text of a candidate's data export and erasure (`privacy.*`). */
const zhPrivacy: typeof enPrivacy = {
  title: "个人数据",
  intro: "下载Traitkit存储的关于此候选人的全部数据，或在候选人提出要求时将其删除。",
  export: "导出数据（JSON）",
  erase: {
    title: "删除候选人",
    warning: "删除操作将永久移除该候选人的详细信息、评估、评分卡、评分、备注、决定和报告链接。审计日志仅保留曾执行过删除这一记录。",
    button: "删除候选人",
    confirmTitle: "永久删除{{name}}？",
    confirmButton: "永久删除",
  },
};

export default zhPrivacy;
