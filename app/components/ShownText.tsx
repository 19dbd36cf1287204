import { useTranslation } from "~/utils/use-translation";
import type { ShownText as ShownTextValue } from "~/domain/shown-text";

/** A text from a document; marked with its language when it is not the reader's. */
export function ShownText({ value, as: Tag = "span" }: { value: ShownTextValue; as?: "span" | "p" | "div" }) {
  const { t, i18n } = useTranslation();
  if (value.inReaderLanguage) return <Tag>{value.text}</Tag>;
  return (
    <Tag lang={value.lang}>
      {value.text}
      <span className="lang-mark" lang={i18n.language}>
        {t("app.inLanguage", { language: t(`app.languageNames.${value.lang}`) })}
      </span>
    </Tag>
  );
}

/** A list of document texts, each shown as ShownText does. */
export function ShownTextList({ items }: { items: readonly ShownTextValue[] }) {
  return (
    <ul className="compact">
      {items.map((value, index) => (
        <li key={index}>
          <ShownText value={value} />
        </li>
      ))}
    </ul>
  );
}
