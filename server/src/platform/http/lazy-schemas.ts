import AjvCompiler from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';
import { serializerSchema } from './serializer-schema.js';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };

/**
 * Fastify's own validator (Ajv) and serializer (fast-json-stringify) compilers, but each route's
 * functions are compiled on the route's first request instead of at start: compiling all of them
 * up front was most of `npm start` (seconds for a few hundred routes), while a server only ever
 * uses some of its routes. Behaviour per request is unchanged: Ajv keeps its errors and its
 * coercion of the root value (Fastify passes the parent object because `schemaEnv` is set).
 * Serializers compile the response schema in the form `serializerSchema` gives it (unions
 * written with type checks instead of a validator per branch).
 */
export function lazySchemaCompilers(): CompilersFactory {
  const buildValidator = AjvCompiler();
  const buildSerializer = SerializerSelector();
  return {
    buildValidator: (externalSchemas, options) => {
      const compile = buildValidator(externalSchemas, options);
      return (route) => {
        let compiled: Validate | undefined;
        const validate: Validate = (data, context) => {
          compiled ??= compile(route) as Validate;
          const result = compiled(data, context);
          validate.errors = compiled.errors;
          return result;
        };
        validate.schemaEnv = true;
        return validate;
      };
    },
    buildSerializer: (externalSchemas, options) => {
      const compile = buildSerializer(externalSchemas, options);
      return (route) => {
        let compiled: ((data: unknown) => string) | undefined;
        return (data: unknown) => (compiled ??= compile({ ...route, schema: serializerSchema(route.schema) }))(data);
      };
    },
  } as CompilersFactory;
}
