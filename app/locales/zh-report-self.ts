import type enReportSelf from "./en-report-self";

/** Chinese (zh-CN) "Your self-report" on the candidate's report: same keys as en-report-self.ts. */
const zhReportSelf: typeof enReportSelf = {
  heading: "您的自评",
  intro:
    "这是您在{{date}}提交的性格问卷中对自己的描述，每项特质按0至100计分。这是您自己的视角，应与面试结果对照解读；两者单独都不构成定论。",
  traitsCaption: "您的自评：各特质得分（0–100）",
  trait: "特质",
  score: "您的得分",
  notMeasured: "问卷未测量此特质",
  notScored: "未计分：未作答的题目过多",
  facetsHeading: "{{trait}}：六个层面",
  facetScore: "{{title}}：{{score}}",
  facetNotScored: "{{title}}：未计分",
};

export default zhReportSelf;
