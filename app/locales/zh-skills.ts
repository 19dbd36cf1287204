import type enSkills from "./en-skills";

/** Chinese (zh-CN) UI text of `skills.*`. */
const zhSkills: typeof enSkills = {
  title: "技能档案",
  intro: "每个角色在各级别对某项技能的期望，以及该技能是否为必要。",
  empty: "尚无技能档案：技能档案随Traitkit资料库一起提供，由招聘专员在角色库中添加。",
  domain: "领域",
  group: "分组",
  roles: "角色数",
  levels: "级别数",
  mandatoryCount: "必要要求",
  updated: "最后更新",
  counts: "{{roles}}个角色，{{mandatory}}项必要期望和{{optional}}项可选期望（根据数据统计）。",
  columns: { role: "角色", mandatory: "必要性", description: "描述" },
  yes: "必要",
  no: "可选",
  sources: "来源文档",
};

export default zhSkills;
