package io.tidemark.core;

/**
 * The outcome of a committed schema or partition spec change.
 *
 * @param version the version committed
 * @param attempts how many attempts the commit took
 * @param metadata the table metadata the commit wrote (new schema, schema id, specs)
 */
public record EvolutionResult(long version, int attempts, TableMetadata metadata) {}
