// pdf-lib's one-file ESM build: the same library as 'pdf-lib', typed the same.
declare module 'pdf-lib/dist/pdf-lib.esm.min.js' {
  export * from 'pdf-lib';
}
