import type enCalibration from "./en-calibration";

/** Chinese (zh-CN) UI text of interviewer calibration (`calibration.*`). */
const zhCalibration: typeof enCalibration = {
  title: "校准",
  introRecruiter: "根据该期间内提交的评分卡，对照团队整体显示每位面试官的评分习惯，以及各面试小组在每项特质上的一致性有多可靠。",
  introInterviewer:
    "根据该期间内提交的评分卡，对照团队整体显示您的评分习惯，以及各面试小组在每项特质上的一致性有多可靠。其他面试官的数据行仅其本人及招聘专员可见。",
  filters: {
    label: "选择期间和角色",
    from: "开始日期",
    to: "结束日期",
    role: "角色",
    anyRole: "所有角色",
    apply: "显示",
    download: "下载CSV",
    period: "{{from}}至{{to}}（UTC日期，含首尾两天）提交的评分卡，{{role}}：{{count}}项评估。",
  },
  problems: {
    dateInvalid: "请按“年-月-日”格式输入日期，例如2026-01-31。",
    fromAfterTo: "结束日期早于开始日期：请选择不早于开始日期的结束日期。",
    roleUnknown: "没有已评估的角色使用此网址标识：请从列表中选择角色。",
    title: "无法识别期间或角色",
    body: "请更正下方标出的内容：对于并非所请求的期间或角色，不会显示任何数据。",
  },
  interviewers: {
    title: "面试官",
    caption: "每位面试官及团队整体的评分习惯",
    empty: "此期间内没有提交任何评分卡。",
    columns: {
      name: "面试官",
      scorecards: "评分卡",
      adherence: "遵循度",
      leniency: "宽松度",
      outliers: "成为离群者的次数",
      days: "提交所需天数中位数",
    },
    team: "团队（全体）",
    teamHidden: "当期间内有{{count}}位或更多面试官提交了评分卡时，面试官才能看到团队数据：人数更少时，团队数据会暴露个别同事的数据。",
    leniencyN: "{{value}}（n = {{n}}）",
    none: "—",
    openScorecards: "打开{{name}}的评估",
  },
  distributions: {
    title: "给出的评分和推荐",
    ratingsTitle: "给出的评分（1到5）",
    ratingsReading: "每个条形代表一位面试官给出的评分，按评分值分段：条形越偏右，评分越高。",
    ratingsCaption: "每位面试官给出的各评分值的数量",
    recommendationsTitle: "做出的推荐",
    recommendationsReading: "每个条形代表一位面试官的评分卡，按其推荐结论分段。",
    recommendationsCaption: "每位面试官做出的各类推荐的数量",
    rating: "评分{{value}}",
    total: "合计",
    recommendation: { strong_no: "强烈不推荐", no: "不推荐", yes: "推荐", strong_yes: "强烈推荐" },
    none: "无评分",
  },
  reliability: {
    title: "各特质上面试小组一致性的可靠程度",
    caption: "面试官之间在每项特质上的一致性（单向组内相关系数）",
    columns: {
      trait: "特质",
      assessments: "评估",
      k0: "面试小组规模k₀",
      single: "ICC(1)：单个面试官",
      average: "ICC(1,k)：面试小组均值",
      reading: "文字解读",
    },
    interval: "（95%区间：{{lower}}至{{upper}}）",
    bands: {
      poor: "两位面试官对{{trait}}的评分一致性差",
      moderate: "两位面试官对{{trait}}的评分一致性中等",
      good: "两位面试官对{{trait}}的评分一致性良好",
      excellent: "两位面试官对{{trait}}的评分一致性极佳",
    },
    notEnough: "数据尚不足（有两个或以上评分的评估：{{count}}/{{needed}}项）",
    noVariation: "此特质在其{{count}}项评估中的所有评分都相同：无法据此判断一致性",
  },
  explain: {
    title: "如何解读这些数据",
    scorecards: "评分卡：该面试官在此期间内提交的评分卡。",
    adherence: "遵循度：工具包中的问题与特质单元格里，该面试官已评分的比例。",
    leniency:
      "宽松度：在每项有两位或以上面试官提交评分卡的评估中，用该面试官的平均评分减去其他面试官各自平均分的均值，再对这些评估（n）取平均。单位为评分分值：+0.50表示比面试小组其他成员高半分；接近0表示与他人一致。",
    outliers:
      "成为离群者的次数：在被标记为需要校准的特质上（各均值相差2分或以上），该面试官的均值离其他人最远的次数。两人面试小组没有离群者。",
    days: "提交所需天数中位数：从被加入面试小组到提交评分卡所经过的天数，每天按24小时计。期间按UTC整日计算。",
    single:
      "ICC(1)表示一位面试官对某项特质的评分与另一位面试官的一致程度，范围从0（不比随机更好）到1（完全相同）。ICC(1,k)表示由k₀位面试官组成的面试小组的均值有多可靠：它会更高，因为面试小组的平均能抵消个人偏向。k₀是所统计评估中的典型面试小组规模。",
    bands:
      "文字解读依据Koo & Li（2016）对ICC(1)的划分：低于0.5为差，0.5至0.75为中等，0.75至0.9为良好，高于0.9为极佳。区间表示真实值以95%置信度所在的范围：区间较宽时需要更多评估。若对该特质有两个或以上评分的评估少于{{needed}}项，则不显示数值。",
  },
};

export default zhCalibration;
