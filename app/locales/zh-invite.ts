import type enInvite from "./en-invite";

/** Chinese (zh-CN) UI text of `invite.*`. */
const zhInvite: typeof enInvite = {
  title: "加入Traitkit",
  intro: "您已受邀以{{role}}身份加入Traitkit，使用的电子邮件地址为{{email}}。请设置您的姓名和密码。",
  name: "您的姓名",
  password: "密码",
  passwordHint: "至少{{min}}个字符。由几个词组成的密码短语既容易记住，又难以被猜到。",
  confirmPassword: "再次输入密码",
  submit: "创建我的账户",
  invalidTitle: "此邀请链接无效",
  invalidBody: "该链接可能已被使用、已过期或输入有误。请向邀请您的招聘专员索取新链接。",
};

export default zhInvite;
