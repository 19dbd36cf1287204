import type enArchive from "./en-archive";

/** Chinese (zh-CN) UI text of `archive.*`. */
const zhArchive: typeof enArchive = {
  section: "归档或删除",
  archive: "归档",
  restore: "恢复",
  delete: "删除",
  bannerBy: "已于{{date}}由{{name}}归档：不再显示在列表和选择器中；使用它的内容仍可正常使用。",
  banner: "已于{{date}}归档：不再显示在列表和选择器中；使用它的内容仍可正常使用。",
  showArchived: "显示已归档",
  badge: "已归档",
  deleteBlocked: "仍有以下内容在使用它，因此无法删除：",
  deleteForGood: "永久删除",
  deleteRefused: "它当前正在使用中，因此未被删除：请改为归档。",
  role: {
    intro: "对误建或不再招聘的角色进行归档：它将从角色库列表和所有选择器中移除，之后可以恢复。未被任何内容使用的角色可以删除。",
    archiveTitle: "归档角色{{name}}？",
    archiveLost: "它将从角色库列表以及新建工具包和候选人时的选择器中移除。使用它的工具包、评估和排名仍可正常使用，点击“恢复”即可将其恢复。",
    confirmArchive: "归档角色",
    deleteTitle: "永久删除角色{{name}}？",
    deleteLost: "该角色及其理想档案、问题、职业转换和技能矩阵将被删除，且无法恢复。",
    uses: {
      kits_one: "{{count}}个面试工具包",
      kits_other: "{{count}}个面试工具包",
      candidates_one: "{{count}}位应聘该角色的候选人",
      candidates_other: "{{count}}位应聘该角色的候选人",
      candidatesOrMore_other: "{{count}}位或更多应聘该角色的候选人",
      results_one: "{{count}}个按该角色排名的评估结果",
      results_other: "{{count}}个按该角色排名的评估结果",
      resultsOrMore_other: "{{count}}个或更多按该角色排名的评估结果",
      links_one: "其他角色中的{{count}}项职业转换或相似角色",
      links_other: "其他角色中的{{count}}项职业转换或相似角色",
      skills_one: "{{count}}项技能档案期望",
      skills_other: "{{count}}项技能档案期望",
    },
  },
};

export default zhArchive;
