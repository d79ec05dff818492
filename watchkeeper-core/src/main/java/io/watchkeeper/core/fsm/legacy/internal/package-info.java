/**
 * Implementation of {@code io.watchkeeper.core.fsm}: the builder, the compiled lookup tables the
 * hot path runs on, the history ring and the diagram writer. Other modules never import this
 * package; it may change in any release.
 */
package io.watchkeeper.core.fsm.legacy.internal;
