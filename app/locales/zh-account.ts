import type enAccount from "./en-account";

/** Chinese (zh-CN) UI text of `account.*` (/settings/account). */
const zhAccount: typeof enAccount = {
  title: "您的账户",
  intro: "当前登录账户：{{email}}。同事会在面试小组和决定中看到您的姓名。",
  profile: "姓名和语言",
  name: "您的姓名",
  language: "语言",
  languageHint: "用于这些页面以及Traitkit发送给您的电子邮件。",
  languages: { en: "English", es: "Español", "zh-CN": "简体中文" },
  mail: "电子邮件",
  mailIntro: "为您分配工作的电子邮件（您被加入面试小组时）您始终会收到。以下邮件可以关闭：",
  mailOff: "此服务器未配置电子邮件：Traitkit目前不会发送任何邮件，但您的选择会被保留，待配置后生效。",
  mailReminders: "我的评分卡逾期提醒",
  mailAllIn: "我创建的评估的“评分卡已全部提交”通知（招聘专员）",
  save: "保存",
  saved: "已保存。",
  password: "密码",
  currentPassword: "当前密码",
  newPassword: "新密码",
  newPasswordHint: "至少{{min}}个字符。修改密码后，您在其他所有设备和浏览器上的登录都将退出。",
  confirmPassword: "再次输入新密码",
  changePassword: "修改密码",
  passwordChanged: "密码已修改。您的其他所有会话均已结束。",
};

export default zhAccount;
