// ESLint 9 flat config. `npm run lint` runs `eslint --max-warnings 0 .`, so warnings fail too.
import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";
import i18next from "eslint-plugin-i18next";

// Layer rules. Each restriction is written for both the `@/` alias and relative paths.
const dbImport = {
  allowTypeImports: true,
  regex: String.raw`^(@/|(\.\.?/)+)(src/)?server/db(\.ts)?$`,
  message: "Only services talk to Prisma: call a service in src/server/services instead of importing the db client.",
};
// Relative form seen from inside src/server/api/** ("../db", "../../db").
const dbImportFromServerApi = {
  allowTypeImports: true,
  regex: String.raw`^(\.\./)+db(\.ts)?$`,
  message: dbImport.message,
};
const generatedPrismaImport = {
  allowTypeImports: true,
  regex: String.raw`^(@/|(\.\.?/)+)(src/)?generated/prisma`,
  message: "Only services talk to Prisma: don't import the generated Prisma client or its types here.",
};
const prismaPackageImport = {
  regex: String.raw`^@prisma/`,
  message: "Only services talk to Prisma: don't import Prisma packages here.",
};
const nextInternalsImport = {
  regex: "^next/dist/",
  message: "Import from Next's public entry points, not next/dist/... internals (they change without notice).",
};
const serverImport = {
  regex: String.raw`^(@/|(\.\./)+)server(/|$)`,
  message: "src/lib is shared, framework-free code: it must not import from src/server.",
};

// Object keys written as identifiers or strings (`_count` or "_count").
const countKey = `:matches([key.name="_count"], [key.value="_count"])`;
const selectKey = `:matches([key.name="select"], [key.value="select"])`;
const includeKey = `:matches([key.name="include"], [key.value="include"])`;
// A `_count` whose value is an object with a `select` key. (esquery can't chain relative selectors inside one
// `:has(> A > B)`; nested `:has(> A:has(> B))` works.)
const relationCountSelect = `Property${countKey}:has(> ObjectExpression:has(> Property${selectKey}))`;
const relationCountMessage =
  "Prisma's relation _count groups the whole related table (every organisation's rows) before joining: count with groupBy/count filtered by the parent ids instead (see countsBy in src/server/services/_shared/counts-by.ts and readProgressCards).";

export default defineConfig([
  globalIgnores([
    "node_modules/**",
    ".next/**",
    ".next-*/**",
    ".data/**",
    "src/generated/**",
    "bench/results/**",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
    "next-env.d.ts",
  ]),

  ...nextCoreWebVitals,
  ...nextTypescript,

  {
    name: "panelkit/typescript",
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  // Async mistakes the type checker alone lets through: a promise nobody awaits or catches (its failure
  // vanishes), a promise handed where a void callback is expected (an event handler's rejection is
  // unhandled), and a switch over a union that forgets a member. These rules need type information, so
  // they run with TypeScript's project service over src/ and scripts/ (tests and specs are left to the
  // plain rules: a type-aware pass over them cost about as much again for little gain).
  {
    name: "panelkit/async",
    files: ["src/**/*.{ts,tsx}", "scripts/**/*.ts"],
    ignores: ["**/*.test.ts"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
    },
  },

  // Prisma's relation count (`select: { _count: { select: { children: true } } }`, or `_count: true` in a
  // select) groups the whole child table, every organisation's rows, before joining it to the parents read
  // (prisma/orm#23669). Aggregates (`groupBy({ _count: { _all: true } })`, `count`, `_count: true` there) are fine.
  {
    name: "panelkit/no-prisma-relation-count",
    files: ["src/**/*.{ts,tsx,mts,cts}", "scripts/**/*.{ts,tsx,mts,cts}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        // `_count: { select: { ... } }` wherever it is written (inline or in a shared select constant).
        { selector: relationCountSelect, message: relationCountMessage },
        // `select: { _count: true }`, `include: { _count: someCountArgs }`: a relation count in another form.
        {
          selector: `Property:matches(${selectKey}, ${includeKey}) > ObjectExpression > Property${countKey}:not(${relationCountSelect})`,
          message: relationCountMessage,
        },
      ],
    },
  },

  // Next's internal modules change without notice between releases; use its public entry points.
  {
    name: "panelkit/no-next-internals",
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [nextInternalsImport] }],
    },
  },

  // Schemas are built with zod from ./zod, which turns off zod's run-time code generation in the browser
  // (the pages' Content-Security-Policy forbids it) before any schema is made.
  {
    name: "panelkit/schemas-zod",
    files: ["src/lib/schemas/**"],
    ignores: ["src/lib/schemas/zod.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^zod$", allowTypeImports: true, message: 'Import { z } from "./zod" in schema modules.' }] },
      ],
    },
  },

  // Pages, layouts, route handlers and components go through tRPC/services, never Prisma.
  {
    name: "panelkit/layers/app-and-components",
    files: ["src/app/**", "src/components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [dbImport, generatedPrismaImport, prismaPackageImport] },
      ],
    },
  },

  // tRPC routers call services; they don't use the db client directly. (Type imports are fine, and
  // request-context.ts is where each request's context receives the client to hand to services.)
  {
    name: "panelkit/layers/api-routers",
    files: ["src/server/api/**"],
    ignores: ["src/server/api/request-context.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [dbImport, dbImportFromServerApi] }],
    },
  },

  // Text a user reads goes through next-intl (src/i18n; issue 23): checked in every page and component. Product
  // and language names (Panelkit, English, Español) are the same in every language.
  {
    name: "panelkit/i18n-literal-strings",
    files: ["src/app/**/*.tsx", "src/components/**/*.tsx"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": { include: ["aria-label", "placeholder", "title", "alt", "label", "hint", "description", "all", "legend", "caption"] },
          // Format and style names (camelCase) and the question list's progress marks are not words a reader reads.
          words: { exclude: ["[0-9!-/:-@[-`{-~\\s·…—–−×✓•○]+", "[A-Z_-]+", "[a-z]+(?:[A-Z][a-z0-9]*)+", "Panelkit"] },
        },
      ],
    },
  },

  // src/lib is shared by client and server code and must not depend on the server layer.
  {
    name: "panelkit/layers/lib",
    files: ["src/lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [serverImport, nextInternalsImport] }],
    },
  },
]);
