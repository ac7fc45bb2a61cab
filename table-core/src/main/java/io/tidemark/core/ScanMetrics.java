package io.tidemark.core;

/**
 * What a read has done so far.
 *
 * @param filesOpened data files (or ranges of them) opened
 * @param rowGroupsTotal row groups in what was opened
 * @param rowGroupsRead row groups read; the others were skipped by their statistics, dictionaries or range
 * @param bytesRead compressed bytes of the row groups read
 * @param rowsReturned rows handed to the caller, after filtering
 */
public record ScanMetrics(long filesOpened, long rowGroupsTotal, long rowGroupsRead, long bytesRead,
    long rowsReturned) {}
