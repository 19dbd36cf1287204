/*
 * The texts of the candidate's questionnaire pages (/q/:token), in the three
 * languages its items come in. The interface itself has English and Spanish
 * only (the areas beside this file); a candidate may read the questionnaire
 * in Chinese, so its pages carry their own texts, handed to the page by the
 * loader in the language it shows. `{name}` marks a value filled in with
 * fillText. English is the reference: the type makes Spanish and Chinese say
 * every one of its texts, and nothing else.
 */

const en = {
  pageTitle: "Questionnaire about yourself",
  languageNav: "Language of the questionnaire",
  heading: "A questionnaire about yourself",
  consentIntro:
    "The hiring team that interviews you invites you to describe yourself in a short questionnaire. Please read what it involves before you decide.",
  consentWhatTitle: "What is asked",
  consentWhat:
    "120 short statements about yourself. For each one you choose how well it describes you, from very inaccurate to very accurate. It takes about 15 minutes; you can stop and come back to this link later, on this device or another.",
  consentWhoTitle: "Who sees your answers",
  consentWho: "Only the hiring team that interviews you. They read your answers beside your interview, to know what to ask you about.",
  consentKeptTitle: "How long they are kept",
  consentKept:
    "As long as the team keeps your assessment. Your answers are erased with your candidate record when the team erases it, or when you ask them to.",
  consentOptionalTitle: "It is your choice",
  consentOptional:
    "Answering is optional. You may stop at any time, and declining changes nothing about your application. Your answers are never the only basis of a decision about you.",
  consentNothingKept: "Nothing is kept until you agree.",
  consentAgree: "I agree, start",
  consentDecline: "No, thank you",
  declinedTitle: "You chose not to answer",
  declinedBody:
    "Nothing was kept, and nothing changes about your application. If you change your mind, this link still works while it is valid.",
  instructions:
    "How well does each statement describe you? Describe yourself as you generally are now, not as you wish to be. Your answers are saved each time you move to another page.",
  pageOf: "Page {page} of {pages}",
  answeredCount: "{answered} of {total} answered",
  back: "Back",
  next: "Next",
  toReview: "Next: review",
  reviewTitle: "Review and submit",
  reviewAllAnswered: "You have answered every statement.",
  reviewUnanswered: "Not answered yet ({count}). Each links to its page:",
  reviewSkipRule: "You may submit with up to {max} statements unanswered in all.",
  submit: "Submit my answers",
  submitHint: "Once submitted, your answers can no longer change.",
  backToItems: "Back to the statements",
  thanksTitle: "Thank you",
  thanksBody: "Your answers were submitted to the hiring team and can no longer change. You may close this page.",
  unavailableTitle: "This link is not available",
  unavailableBody:
    "The link may have expired or been withdrawn. If you expected a questionnaire, please ask the person who sent it to you for a new link.",
  errorTooManySkipped:
    "{count} statements are not answered; at most {max} may be left out. Please answer more of them, then submit. Nothing was changed.",
  errorAlreadySubmitted: "Your answers were already submitted; nothing changed.",
  errorUnknownItem: "The page sent a statement that is not in this questionnaire. Nothing was saved; please reload the page and try again.",
  errorValue: "Choose one of the five answers. Nothing on this page was saved.",
  errorValueSummary: "An answer was not one of the five choices. Nothing on this page was saved.",
  errorNotConsented: "Please agree to the questionnaire first. Nothing was saved.",
  errorForm: "The page sent a form that could not be read. Nothing was saved; please reload the page and try again.",
};

/** Every text of the questionnaire's pages: the English keys, a string each. */
export type QuestionnaireTexts = Record<keyof typeof en, string>;

const es: QuestionnaireTexts = {
  pageTitle: "Cuestionario sobre usted",
  languageNav: "Idioma del cuestionario",
  heading: "Un cuestionario sobre usted",
  consentIntro:
    "El equipo de selección que le entrevista le invita a describirse en un breve cuestionario. Lea en qué consiste antes de decidir.",
  consentWhatTitle: "Qué se pregunta",
  consentWhat:
    "120 frases cortas sobre usted. En cada una elige hasta qué punto le describe, desde muy en desacuerdo hasta muy de acuerdo. Lleva unos 15 minutos; puede parar y volver a este enlace más tarde, en este dispositivo o en otro.",
  consentWhoTitle: "Quién ve sus respuestas",
  consentWho: "Solo el equipo de selección que le entrevista. Lee sus respuestas junto a su entrevista, para saber sobre qué preguntarle.",
  consentKeptTitle: "Cuánto tiempo se guardan",
  consentKept:
    "Mientras el equipo conserve su evaluación. Sus respuestas se borran con su ficha de candidato cuando el equipo la borra o cuando usted se lo pide.",
  consentOptionalTitle: "Usted decide",
  consentOptional:
    "Responder es opcional. Puede parar en cualquier momento, y no responder no cambia nada en su candidatura. Sus respuestas nunca son la única base de una decisión sobre usted.",
  consentNothingKept: "No se guarda nada hasta que acepte.",
  consentAgree: "Acepto, empezar",
  consentDecline: "No, gracias",
  declinedTitle: "Ha decidido no responder",
  declinedBody:
    "No se ha guardado nada y nada cambia en su candidatura. Si cambia de opinión, este enlace sigue funcionando mientras sea válido.",
  instructions:
    "¿Hasta qué punto le describe cada frase? Descríbase como es en general ahora, no como le gustaría ser. Sus respuestas se guardan cada vez que pasa a otra página.",
  pageOf: "Página {page} de {pages}",
  answeredCount: "{answered} de {total} respondidas",
  back: "Atrás",
  next: "Siguiente",
  toReview: "Siguiente: revisar",
  reviewTitle: "Revisar y enviar",
  reviewAllAnswered: "Ha respondido todas las frases.",
  reviewUnanswered: "Sin responder todavía ({count}). Cada una enlaza a su página:",
  reviewSkipRule: "Puede enviar con hasta {max} frases sin responder en total.",
  submit: "Enviar mis respuestas",
  submitHint: "Una vez enviadas, sus respuestas ya no se pueden cambiar.",
  backToItems: "Volver a las frases",
  thanksTitle: "Gracias",
  thanksBody: "Sus respuestas se han enviado al equipo de selección y ya no se pueden cambiar. Puede cerrar esta página.",
  unavailableTitle: "Este enlace no está disponible",
  unavailableBody:
    "Puede que el enlace haya caducado o se haya retirado. Si esperaba un cuestionario, pida un enlace nuevo a la persona que se lo envió.",
  errorTooManySkipped:
    "Hay {count} frases sin responder; como mucho puede dejar {max}. Responda algunas más y luego envíe. No se ha cambiado nada.",
  errorAlreadySubmitted: "Sus respuestas ya se habían enviado; no se ha cambiado nada.",
  errorUnknownItem:
    "La página envió una frase que no está en este cuestionario. No se ha guardado nada; vuelva a cargar la página e inténtelo de nuevo.",
  errorValue: "Elija una de las cinco respuestas. No se ha guardado nada de esta página.",
  errorValueSummary: "Una respuesta no era ninguna de las cinco opciones. No se ha guardado nada de esta página.",
  errorNotConsented: "Primero acepte el cuestionario. No se ha guardado nada.",
  errorForm: "La página envió un formulario que no se pudo leer. No se ha guardado nada; vuelva a cargar la página e inténtelo de nuevo.",
};

const zhCn: QuestionnaireTexts = {
  pageTitle: "关于您自己的问卷",
  languageNav: "问卷语言",
  heading: "关于您自己的问卷",
  consentIntro: "面试您的招聘团队邀请您填写一份简短的问卷来描述自己。请在决定之前先了解问卷的内容。",
  consentWhatTitle: "问卷内容",
  consentWhat:
    "120 句关于您自己的简短描述。每一句请从五个选项中选出它与您相符的程度。大约需要 15 分钟；您可以随时暂停，之后在这台或另一台设备上通过这个链接继续。",
  consentWhoTitle: "谁会看到您的回答",
  consentWho: "只有面试您的招聘团队。他们会把您的回答与面试结果对照阅读，以便知道该向您了解哪些方面。",
  consentKeptTitle: "回答保存多久",
  consentKept: "在团队保留您的评估期间一直保存。团队删除您的候选人记录时，或者您要求他们删除时，您的回答会随之删除。",
  consentOptionalTitle: "由您决定",
  consentOptional: "是否作答完全自愿。您可以随时停止，拒绝作答不会对您的申请有任何影响。您的回答绝不会是对您做出决定的唯一依据。",
  consentNothingKept: "在您同意之前，不会保存任何内容。",
  consentAgree: "我同意，开始",
  consentDecline: "不用了，谢谢",
  declinedTitle: "您选择了不作答",
  declinedBody: "没有保存任何内容，您的申请也不会受到任何影响。如果您改变主意，在链接有效期内仍然可以使用它。",
  instructions:
    "每句描述在多大程度上符合您？请按照您现在通常的样子来描述自己，而不是您希望成为的样子。每次翻到另一页时，您的回答都会被保存。",
  pageOf: "第 {page} 页，共 {pages} 页",
  answeredCount: "已回答 {answered} / {total}",
  back: "上一页",
  next: "下一页",
  toReview: "下一步：检查",
  reviewTitle: "检查并提交",
  reviewAllAnswered: "您已回答了所有描述。",
  reviewUnanswered: "尚未回答（{count}）。每一项都链接到所在的页面：",
  reviewSkipRule: "最多可以有 {max} 句未回答时提交。",
  submit: "提交我的回答",
  submitHint: "提交后，您的回答将无法再更改。",
  backToItems: "返回问卷",
  thanksTitle: "谢谢",
  thanksBody: "您的回答已提交给招聘团队，之后无法再更改。您可以关闭此页面。",
  unavailableTitle: "此链接无法使用",
  unavailableBody: "链接可能已过期或已被撤回。如果您在等待一份问卷，请向发送链接给您的人索取新的链接。",
  errorTooManySkipped: "有 {count} 句尚未回答；最多只能留下 {max} 句不答。请再回答一些，然后提交。没有做任何更改。",
  errorAlreadySubmitted: "您的回答已经提交过了；没有做任何更改。",
  errorUnknownItem: "页面发送了一句不属于本问卷的描述。没有保存任何内容；请重新加载页面后再试。",
  errorValue: "请从五个选项中选择一个。本页的内容都没有保存。",
  errorValueSummary: "有一个回答不是五个选项之一。本页的内容都没有保存。",
  errorNotConsented: "请先同意参加问卷。没有保存任何内容。",
  errorForm: "页面发送的表单无法读取。没有保存任何内容；请重新加载页面后再试。",
};

/** The texts by the questionnaire's language codes (the item package's). */
export const QUESTIONNAIRE_TEXTS: Readonly<Record<"en" | "es" | "zh-cn", QuestionnaireTexts>> = { en, es, "zh-cn": zhCn };

/** A text with its `{name}` marks filled in: fillText("Page {page} of {pages}", { page: 3, pages: 8 }). */
export function fillText(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (mark, name: string) => (name in values ? String(values[name]) : mark));
}
