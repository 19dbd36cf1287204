import type enMail from "./en-mail";

/** Texto en español de los correos que envía Traitkit (`mail.*`). */
const esMail: typeof enMail = {
  greeting: "Hola, {{name}}:",
  greetingNoName: "Hola:",
  signature: "Traitkit",
  footer: "Recibe este mensaje porque tiene una cuenta en Traitkit en {{appUrl}}.",
  invitation: {
    subject: "{{inviter}} le invitó a Traitkit",
    body: "{{inviter}} le invitó a unirse a Traitkit como {{role}}. En Traitkit su equipo guarda sus kits de entrevista estructurada y sus scorecards.",
    action: "Crear su cuenta",
    expires: "El enlace funciona una vez y caduca el {{date}}.",
    ignore: "Si no esperaba este mensaje, ignórelo: sin el enlace no ocurre nada.",
    footer: "Este mensaje se envió a {{email}} desde Traitkit en {{appUrl}}.",
  },
  assigned: {
    subject: "Panel de entrevista: {{candidate}}",
    body: "{{recruiter}} le agregó al panel de entrevista de {{candidate}} ({{kit}}).",
    interview: "Entrevista: {{time}} ({{zone}}).",
    noInterview: "Todavía no hay hora de entrevista.",
    due: "Su scorecard vence el {{time}}.",
    calendar: "El archivo de calendario adjunto (invite.ics) agrega la entrevista a su calendario.",
    action: "Abrir la evaluación",
    event: "Entrevista con {{candidate}} ({{kit}})",
  },
  reminder: {
    subject: "Scorecard vencida: {{candidate}}",
    body: "Su scorecard de {{candidate}} ({{kit}}) vencía el {{time}} y todavía no está enviada. El panel la espera.",
    action: "Abrir su scorecard",
    optional: "Puede desactivar los recordatorios en la página de su cuenta.",
  },
  allIn: {
    subject: "Todas las scorecards están enviadas: {{candidate}}",
    body: "Todos los entrevistadores del panel de {{candidate}} ({{kit}}) enviaron su scorecard ({{count}}). El panel está listo para el debrief.",
    action: "Abrir la evaluación",
    optional: "Puede desactivar estos mensajes en la página de su cuenta.",
  },
  reportLink: {
    subject: "Su informe de entrevista: {{role}}",
    body: "{{recruiter}} comparte con usted el informe de su entrevista estructurada para {{role}}: cómo leyó el panel cada rasgo y cómo encaja con el rol.",
    expires: "El enlace funciona hasta el {{date}}.",
    noExpiry: "El enlace funciona hasta que el equipo lo retire.",
    action: "Abrir su informe",
    private: "El enlace es suyo: quien lo tenga puede leer el informe. Si este mensaje no era para usted, bórrelo.",
  },
  questionnaireLink: {
    subject: "Un breve cuestionario sobre usted: {{role}}",
    body: "{{recruiter}} le invita a responder un cuestionario de personalidad como parte de su entrevista para {{role}}: 120 frases breves sobre usted, unos 15 minutos. Puede parar y volver con el mismo enlace.",
    optional:
      "Es voluntario y nunca es la única base de una decisión. La primera página le dice quién ve sus respuestas y cuánto tiempo se guardan.",
    expires: "El enlace funciona hasta el {{date}}.",
    noExpiry: "El enlace funciona hasta que el equipo lo retire.",
    action: "Abrir el cuestionario",
    private: "El enlace es suyo: quien lo tenga puede responder en su nombre. Si este mensaje no era para usted, bórrelo.",
  },
};

export default esMail;
