import type enMail from "./en-mail";

/** Chinese (zh-CN) text of the e-mail Traitkit sends (`mail.*`). */
const zhMail: typeof enMail = {
  greeting: "{{name}}，您好：",
  greetingNoName: "您好：",
  signature: "Traitkit",
  footer: "您收到此邮件，是因为您在{{appUrl}}的Traitkit上拥有账户。",
  invitation: {
    subject: "{{inviter}}邀请您加入Traitkit",
    body: "{{inviter}}邀请您以{{role}}身份加入Traitkit。您的团队在Traitkit中管理结构化面试工具包和评分卡。",
    action: "创建您的账户",
    expires: "该链接仅可使用一次，将于{{date}}过期。",
    ignore: "如果您并未预期收到此邮件，请忽略它：没有该链接，不会发生任何操作。",
    footer: "此邮件由{{appUrl}}的Traitkit发送至{{email}}。",
  },
  assigned: {
    subject: "面试小组：{{candidate}}",
    body: "{{recruiter}}已将您加入{{candidate}}（{{kit}}）的面试小组。",
    interview: "面试时间：{{time}}（{{zone}}）。",
    noInterview: "尚未设定面试时间。",
    due: "您的评分卡应于{{time}}前提交。",
    calendar: "附件中的日历文件（invite.ics）可将此次面试添加到您的日历中。",
    action: "打开评估",
    event: "与{{candidate}}的面试（{{kit}}）",
  },
  reminder: {
    subject: "评分卡已逾期：{{candidate}}",
    body: "您对{{candidate}}（{{kit}}）的评分卡应于{{time}}前提交，但目前尚未提交。面试小组正在等待您的评分卡。",
    action: "打开您的评分卡",
    optional: "您可以在账户页面关闭提醒。",
  },
  allIn: {
    subject: "评分卡已全部提交：{{candidate}}",
    body: "{{candidate}}（{{kit}}）面试小组的每位面试官均已提交评分卡（共{{count}}份）。面试小组现在可以进行复盘讨论。",
    action: "打开评估",
    optional: "您可以在账户页面关闭此类邮件。",
  },
  reportLink: {
    subject: "您的面试报告：{{role}}",
    body: "{{recruiter}}与您分享您应聘{{role}}的结构化面试报告：面试小组如何解读每项特质，以及这些解读与该角色的匹配情况。",
    expires: "该链接在{{date}}之前有效。",
    noExpiry: "该链接在团队撤回之前一直有效。",
    action: "打开您的报告",
    private: "此链接专属于您：任何持有该链接的人都可以阅读报告。如果此邮件并非发给您，请将其删除。",
  },
  questionnaireLink: {
    subject: "一份关于您自己的简短问卷：{{role}}",
    body: "{{recruiter}}邀请您填写一份性格问卷，作为您应聘{{role}}面试的一部分：问卷包含120条关于您自己的简短陈述，约需15分钟。您可以随时暂停，之后通过同一链接继续作答。",
    optional: "此问卷为自愿填写，且绝不会作为决策的唯一依据。问卷首页会告知您谁能看到您的答案，以及答案的保存期限。",
    expires: "该链接在{{date}}之前有效。",
    noExpiry: "该链接在团队撤回之前一直有效。",
    action: "打开问卷",
    private: "此链接专属于您：任何持有该链接的人都可以以您的名义作答。如果此邮件并非发给您，请将其删除。",
  },
};

export default zhMail;
