"use client";
// next-intl's client provider with the project's fallback and error handling (functions can't be passed
// from a server component, so they are set here, in the browser's bundle).
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import type { ReactNode } from "react";
import { FORMATS } from "./formats";
import { messageFallback, onIntlError } from "./message-fallback";

export function IntlClientProvider(props: { locale: string; timeZone: string; messages: AbstractIntlMessages; children: ReactNode }) {
  return (
    <NextIntlClientProvider
      locale={props.locale}
      timeZone={props.timeZone}
      messages={props.messages}
      formats={FORMATS}
      onError={onIntlError}
      getMessageFallback={messageFallback}
    >
      {props.children}
    </NextIntlClientProvider>
  );
}
