/**
 * A typed state-machine library: the Java successor of Python's {@code transitions}, shaped for a
 * million vessels.
 *
 * <p>The split that makes the scale possible: a {@link io.watchkeeper.core.fsm.legacy.StateMachine} is an
 * immutable definition built once and shared by every vessel (and every thread), while the state of
 * one vessel is just an enum constant, or a {@link io.watchkeeper.core.fsm.legacy.MachineInstance} of a
 * few fields when entered-at time and history are wanted. Triggers, guards and callbacks are enums
 * and lambdas, never strings, so the compiler and the IDE see them.
 *
 * <p>Everything here is {@link io.watchkeeper.core.Evolving} until 1.0. Types under
 * {@code .internal} are implementation details: other modules never import them.
 */
package io.watchkeeper.core.fsm.legacy;
