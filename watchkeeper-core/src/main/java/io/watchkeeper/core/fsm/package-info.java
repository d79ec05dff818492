/**
 * The state-machine library every detector and every user rule is written with: the Java successor of
 * Python's {@code transitions}, shaped for a million vessels.
 *
 * <p>A {@link io.watchkeeper.core.fsm.Machine} is an immutable definition built once and shared by every
 * vessel and thread; a vessel's state is an immutable {@link io.watchkeeper.core.fsm.Place} the engine
 * keeps, and a step returns the next one. States are enum constants or names read at run time, over one
 * engine; timers ({@link io.watchkeeper.core.fsm.Timer}) are data in the place, fired in event time;
 * what a transition publishes and how a place is checkpointed are declared with the definition.
 *
 * <p>Everything here is {@link io.watchkeeper.core.Evolving} until 1.0.
 */
package io.watchkeeper.core.fsm;
