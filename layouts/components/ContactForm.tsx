/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * The contact form, handled by Netlify Forms: Netlify finds the form in the
 * built HTML (`data-netlify`), stores submissions and e-mails them to the
 * site's owner. The honeypot field catches bots that fill every field.
 * https://docs.netlify.com/forms/setup/
 */
import type { I18n } from "../../plugins/i18n/index.ts";

export function ContactForm({ i18n, successUrl }: { i18n: I18n; successUrl: string }): JSX.Element {
  const t = i18n.t.contactForm;
  return (
    <form
      class="contact-form"
      name="contact"
      method="post"
      action={successUrl}
      data-netlify="true"
      data-netlify-honeypot="bot-field"
    >
      <input type="hidden" name="form-name" value="contact" />
      <p class="visually-hidden" aria-hidden="true">
        <label>
          {t.honeypot} <input type="text" name="bot-field" tabindex="-1" autocomplete="off" />
        </label>
      </p>
      <p>
        <label for="contact-name">{t.name}</label>
        <input id="contact-name" name="name" type="text" autocomplete="name" required />
      </p>
      <p>
        <label for="contact-email">{t.email}</label>
        <input id="contact-email" name="email" type="email" autocomplete="email" required />
      </p>
      <p>
        <label for="contact-message">{t.message}</label>
        <textarea id="contact-message" name="message" rows="8" required></textarea>
      </p>
      <p>
        <button type="submit">{t.send}</button>
      </p>
    </form>
  );
}
