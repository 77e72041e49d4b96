// What a person who asked a chat for the companion app (`/app` on Telegram, `APP` on WhatsApp) is told,
// in each language the platform writes: their one-time code, and the app's address carrying it when
// the edge knows its public address.
import type { ReplyLanguage } from "../lib/reply-language";

type AppCodeText = (code: string, appUrl: string | null) => string;

export const APP_CODE_TEXTS: Record<ReplyLanguage, AppCodeText> = {
  en: (code, appUrl) =>
    `Your code for the app is ${code}. It works once, within 10 minutes: ${
      appUrl
        ? `open ${appUrl} on the phone or computer you want to use, or type the code on the app's sign-in screen.`
        : "type it on the app's sign-in screen."
    }`,
  es: (code, appUrl) =>
    `Tu código para la app es ${code}. Funciona una vez, en los próximos 10 minutos: ${
      appUrl
        ? `abre ${appUrl} en el teléfono u ordenador que quieras usar, o escribe el código en la pantalla de acceso de la app.`
        : "escríbelo en la pantalla de acceso de la app."
    }`,
  pt: (code, appUrl) =>
    `O seu código para a app é ${code}. Funciona uma vez, nos próximos 10 minutos: ${
      appUrl
        ? `abra ${appUrl} no telemóvel ou computador que quer usar, ou escreva o código no ecrã de entrada da app.`
        : "escreva-o no ecrã de entrada da app."
    }`,
  fr: (code, appUrl) =>
    `Votre code pour l'application est ${code}. Il fonctionne une fois, dans les 10 minutes : ${
      appUrl
        ? `ouvrez ${appUrl} sur le téléphone ou l'ordinateur que vous voulez utiliser, ou saisissez le code sur l'écran de connexion de l'application.`
        : "saisissez-le sur l'écran de connexion de l'application."
    }`,
  de: (code, appUrl) =>
    `Dein Code für die App ist ${code}. Er gilt einmal, innerhalb von 10 Minuten: ${
      appUrl
        ? `Öffne ${appUrl} auf dem Handy oder Computer, den du nutzen willst, oder gib den Code auf der Anmeldeseite der App ein.`
        : "Gib ihn auf der Anmeldeseite der App ein."
    }`,
};
