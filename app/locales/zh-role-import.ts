import type enRoleImport from "./en-role-import";

/** Chinese (zh-CN) UI text of `roleImport.*`. */
const zhRoleImport: typeof enRoleImport = {
  title: "导入角色",
  intro: "上传从Traitkit导出的角色文件（格式为traitkit.role/v1）。含有错误的文件不会更改任何内容。",
  file: "角色文件（JSON）",
  fileHint: "在本Traitkit或其他Traitkit实例中，通过角色页面上的“导出”生成。",
  replace: "如已存在相同网址标识的角色，则替换",
  submit: "导入",
  failed_one: "文件未导入：{{count}}个错误。",
  failed_other: "文件未导入：{{count}}个错误。",
  tooLarge: "文件大于2 MB，而角色文件通常要小得多。请选择通过“导出”生成的文件。",
  notMultipart: '请以表单上传方式发送文件（multipart/form-data，字段"file"）。',
  noFile: "请选择文件。",
  nulCharacter: "文件包含NUL字符（U+0000），角色的任何文本都不能包含它。",
  emptyFile: "文件为空。",
  notJsonAt: "这不是有效的JSON文件：错误位于第{{line}}行第{{column}}列。",
  slugTaken: "已存在使用此网址标识的角色：请勾选“替换”以覆盖它。",
  required: "缺失：角色格式要求提供此字段。",
  wrongType: "应为{{expected}}。",
  types: {
    string: "文本",
    number: "数字",
    int: "整数",
    boolean: "true或false",
    object: "对象（{ … }）",
    array: "列表（[ … ]）",
    null: "null",
  },
  unknownKeys: "不属于角色格式：{{keys}}。请检查拼写。",
  oneOf: "必须是以下值之一：{{values}}。",
  invalid: "此值在此处无效。",
  imported: "角色已导入。",
  replaced: "角色已被导入的文件替换。",
};

export default zhRoleImport;
