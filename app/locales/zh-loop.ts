import type enLoop from "./en-loop";

/** Chinese (zh-CN) UI text of `loop.*`: interview times, due states and the debrief. */
const zhLoop: typeof enLoop = {
  teamReliability: {
    heading: "被标记特质的整体情况",
    intro: "在过去12个月所有角色的评估中，团队面试官对每项被标记特质的评分一致程度：",
    estimated: "{{trait}}：两位面试官对此特质的评分一致性{{band}}（ICC {{icc}}，{{n}}次评估）。",
    band: { poor: "差", moderate: "中等", good: "良好", excellent: "极佳" },
    notEnoughData: "{{trait}}：数据尚不足（需要5次包含两项或以上评分的评估，目前为{{n}}次）。",
    noVariation: "{{trait}}：每位面试官给每位候选人的评分都相同，因此无法衡量一致性。",
    more: "校准",
  },
  debrief: {
    title: "复盘讨论",
    openIntro:
      "所有评分卡均已提交。请逐一讨论面试官评分不一致的每项特质，记录商定的评分及理由（评分卡保持提交时的原样），然后记录决定：记录决定后，复盘讨论即结束。",
    closedIntro: "复盘讨论已结束：最后一份评分卡提交后，已记录决定。",
    nothingToCalibrate: "没有需要校准的特质：面试官的评分一致。",
    sideBySide: "每位面试官对{{trait}}的评分和备注",
    notRated: "未评分",
    agreed: "商定的评分：{{reading}}分（满分5分）——由{{name}}于{{at}}记录",
    reading: "{{trait}}的商定评分",
    chooseReading: "选择1至5",
    reason: "理由（面试小组达成的共识）",
    record: "记录{{trait}}的商定评分",
    closeByDeciding: "记录决定以结束复盘讨论",
  },
  interviewTime: {
    legend: "面试时间（可选）",
    legendFor: "{{name}}的面试时间",
    at: "面试日期和时间",
    zone: "时区",
    zoneHint: "上述时间所在时区的名称，例如：Europe/Madrid、America/Mexico_City、UTC。",
    due: "评分卡截止时间",
    dueHint_one: "留空：面试后{{count}}小时（团队设置）。",
    dueHint_other: "留空：面试后{{count}}小时（团队设置）。",
    save: "保存面试时间",
    notScheduled: "未设定面试时间",
    interview: "面试：{{time}}",
    dueAt: "评分卡截止：{{time}}",
    saved: "面试时间已保存。",
    mailOn: "面试官会收到一封电子邮件：告知其已加入面试小组及面试时间，并附日历文件。",
    mailOff: "此服务器未配置电子邮件：请您自行通知面试官。",
    savedAndSent: "面试时间已保存；{{name}}将收到一封附有日历文件的电子邮件。",
  },
};

export default zhLoop;
