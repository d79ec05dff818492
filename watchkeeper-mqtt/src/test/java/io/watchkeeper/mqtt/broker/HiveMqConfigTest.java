package io.watchkeeper.mqtt.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The generated config must match the {@code config.xsd} that ships inside the HiveMQ CE jar we run: HiveMQ
 * only warns about an unknown element and keeps its unsafe default, so a typo would go unnoticed.
 */
class HiveMqConfigTest {

    @Test
    void validatesAgainstTheSchemaShippedWithHiveMq() throws Exception {
        URL xsd = EmbeddedBroker.class.getResource("/config.xsd");
        assertThat(xsd).as("config.xsd inside hivemq-community-edition-embedded").isNotNull();
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
        for (boolean file : new boolean[] {false, true}) {
            String xml = HiveMqConfig.xml("127.0.0.1", 1883, file, 1_000_000, 65_535);
            assertThatCode(() -> schema.newValidator().validate(new StreamSource(new StringReader(xml))))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void carriesTheSafeDefaults() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(HiveMqConfig.xml("127.0.0.1", 41883, false, 1_000_000, 65_535))));
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("/hivemq/listeners/tcp-listener/bind-address", doc)).isEqualTo("127.0.0.1");
        assertThat(xpath.evaluate("/hivemq/listeners/tcp-listener/port", doc)).isEqualTo("41883");
        assertThat(xpath.evaluate("/hivemq/anonymous-usage-statistics/enabled", doc)).isEqualTo("false");
        assertThat(xpath.evaluate("/hivemq/persistence/mode", doc)).isEqualTo("in-memory");
        assertThat(xpath.evaluate("/hivemq/mqtt/queued-messages/max-queue-size", doc)).isEqualTo("1000000");
        assertThat(xpath.evaluate("/hivemq/mqtt/queued-messages/strategy", doc)).isEqualTo("discard");
        assertThat(xpath.evaluate("/hivemq/mqtt/receive-maximum/server-receive-maximum", doc)).isEqualTo("65535");
        // HiveMQ's own limit is 268,435,460 bytes: one PUBLISH could make the broker buffer 256 MB
        assertThat(xpath.evaluate("/hivemq/mqtt/packets/max-packet-size", doc)).isEqualTo("131072");
    }

    @Test
    void tlsListenerValidatesAndEscapesItsPassword() throws Exception {
        URL xsd = EmbeddedBroker.class.getResource("/config.xsd");
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
        TlsListener tls = new TlsListener(8883, java.nio.file.Path.of("/etc/wk/broker.p12"), "p<&>'\"w%s");
        String xml = HiveMqConfig.xml("127.0.0.1", 1883, tls, false, 1_000_000, 65_535);
        assertThatCode(() -> schema.newValidator().validate(new StreamSource(new StringReader(xml))))
                .doesNotThrowAnyException();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("/hivemq/listeners/tcp-listener/port", doc)).isEqualTo("1883");
        assertThat(xpath.evaluate("/hivemq/listeners/tls-tcp-listener/port", doc)).isEqualTo("8883");
        assertThat(xpath.evaluate("/hivemq/listeners/tls-tcp-listener/bind-address", doc)).isEqualTo("127.0.0.1");
        assertThat(xpath.evaluate("/hivemq/listeners/tls-tcp-listener/tls/keystore/path", doc)).isEqualTo("/etc/wk/broker.p12");
        assertThat(xpath.evaluate("/hivemq/listeners/tls-tcp-listener/tls/keystore/password", doc)).isEqualTo("p<&>'\"w%s");
        assertThat(xpath.evaluate("/hivemq/listeners/tls-tcp-listener/tls/keystore/private-key-password", doc))
                .isEqualTo("p<&>'\"w%s");
        assertThat(tls.toString()).doesNotContain("p<&>");
    }

    @Test
    void filePersistenceOnlyWhenAsked() {
        assertThat(HiveMqConfig.xml("0.0.0.0", 1883, true, 10, 10)).contains("<mode>file</mode>");
    }
}
