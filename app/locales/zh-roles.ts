import type enRoles from "./en-roles";

/** Chinese (zh-CN) UI text of `roles.*`. */
const zhRoles: typeof enRoles = {
  newRole: "新建角色",
  title: "角色库",
  intro: "角色档案，包含理想OCEAN+档案、面试问题和职业转换。",
  search: "按名称或职位族搜索",
  searchButton: "搜索",
  filter: "理想档案",
  filterAll: "所有角色",
  filterWith: "有理想档案",
  filterWithout: "尚无理想档案",
  count_one: "{{count}}个角色",
  count_other: "{{count}}个角色",
  none: "没有符合搜索条件的角色。",
  emptyLibrary: "尚无角色：请新建或导入角色，或添加Traitkit资料库。",
  addLibrary: "添加Traitkit资料库",
  addLibraryHint: "已发布文档中的角色、技能矩阵和技能档案。不会更改您的任何内容，之后您也可以编辑或删除其中任何一项。",
  emptyLibraryReader: "尚无角色：角色由招聘专员新建、导入，或通过添加Traitkit资料库获得。",
  columns: { name: "角色", family: "职位族", profile: "理想档案", questions: "问题", transitions: "职业转换" },
  hasProfile: "有",
  noProfile: "尚无",
};

export default zhRoles;
