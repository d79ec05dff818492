/** Implementation shared by {@code Publisher} and {@code Subscriber}; not API, other modules never import it. */
package io.watchkeeper.mqtt.client.internal;
