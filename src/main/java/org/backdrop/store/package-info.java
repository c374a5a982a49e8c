/**
 * The project store: one {@code *.backdrop} file, an SQLite database in WAL mode, that holds a
 * project's dataset reference, masks with their history, the review decision log, background presets
 * and evaluation and training runs with their metrics. Every change is committed as it is made.
 */
package org.backdrop.store;
