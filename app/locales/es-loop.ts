import type enLoop from "./en-loop";

/** Texto en español de `loop.*`: horas de entrevista, vencimientos y el debrief. */
const esLoop: typeof enLoop = {
  teamReliability: {
    heading: "Los rasgos marcados en contexto",
    intro:
      "Cuánto concuerdan los entrevistadores del equipo en cada rasgo marcado, en las evaluaciones de todos los roles de los últimos 12 meses:",
    estimated: "{{trait}}: dos entrevistadores que lo valoran concuerdan {{band}} (ICC {{icc}}, {{n}} evaluaciones).",
    band: { poor: "poco", moderate: "moderadamente", good: "bien", excellent: "de forma excelente" },
    notEnoughData: "{{trait}}: todavía no hay datos suficientes ({{n}} de las 5 evaluaciones con dos o más valoraciones que hacen falta).",
    noVariation:
      "{{trait}}: todos los entrevistadores dieron a cada candidato la misma valoración, así que no se puede medir la concordancia.",
    more: "Calibración",
  },
  debrief: {
    title: "Debrief",
    openIntro:
      "Todas las scorecards están enviadas. Comenten cada rasgo que los entrevistadores leyeron distinto, registre la lectura acordada y el motivo (las scorecards quedan como se enviaron) y después registre la decisión: cierra el debrief.",
    closedIntro: "El debrief está cerrado: se registró una decisión después de la última scorecard.",
    nothingToCalibrate: "Ningún rasgo necesita calibración: las lecturas de los entrevistadores coinciden.",
    sideBySide: "Calificaciones y notas de cada entrevistador sobre {{trait}}",
    notRated: "sin calificar",
    agreed: "Lectura acordada: {{reading}} de 5 — registrada por {{name}}, {{at}}",
    reading: "Lectura acordada de {{trait}}",
    chooseReading: "Elija de 1 a 5",
    reason: "Motivo (lo que acordó el panel)",
    record: "Registrar la lectura de {{trait}}",
    closeByDeciding: "Registre la decisión para cerrar el debrief",
  },
  interviewTime: {
    legend: "Hora de la entrevista (opcional)",
    legendFor: "Hora de la entrevista de {{name}}",
    at: "Fecha y hora de la entrevista",
    zone: "Zona horaria",
    zoneHint: "La zona de la hora de arriba, por su nombre: Europe/Madrid, America/Mexico_City, UTC.",
    due: "Vencimiento de la scorecard",
    dueHint_one: "Vacío: {{count}} hora después de la entrevista (el ajuste del equipo).",
    dueHint_other: "Vacío: {{count}} horas después de la entrevista (el ajuste del equipo).",
    save: "Guardar la hora de la entrevista",
    notScheduled: "Sin hora de entrevista",
    interview: "Entrevista: {{time}}",
    dueAt: "Plazo de la scorecard: {{time}}",
    saved: "Hora de la entrevista guardada.",
    mailOn: "El entrevistador recibe un correo: está en el panel, la hora de la entrevista, un archivo de calendario.",
    mailOff: "El correo no está configurado en este servidor: avise usted al entrevistador.",
    savedAndSent: "Hora de la entrevista guardada; {{name}} recibe un correo con el archivo de calendario.",
  },
};

export default esLoop;
