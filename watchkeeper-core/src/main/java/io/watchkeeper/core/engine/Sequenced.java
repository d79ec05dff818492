package io.watchkeeper.core.engine;

import io.watchkeeper.core.fix.Fix;
import org.jetbrains.annotations.Nullable;

/**
 * A fix with its place in submit order, on its way to a partition and from there to the pair stage; or,
 * from a partition, the note that the fix of that place is not coming (refused, late, repeated, or
 * without a position). The pair stage takes fixes in submit order, whatever order the partitions finish
 * them in, so that pair events do not depend on thread timing: a live run gives the events of a replay.
 *
 * @param seq the fix's place among every fix submitted to the engine, from 0
 * @param fix the fix, or null: nothing for the pair stage at this place
 */
record Sequenced(long seq, @Nullable Fix fix) {
}
