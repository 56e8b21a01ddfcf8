package dev.reel.playback.stream.internal;

import dev.reel.playback.stream.Codecs;
import dev.reel.playback.stream.Device;
import dev.reel.playback.stream.Streams.EdgeBase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Rewrites a DASH MPD for one session with the JDK's DOM. Pure: no I/O beyond the strings given.
 *
 * <p>The parser refuses a {@code DOCTYPE} and resolves no external entity, DTD or schema, so a manifest can neither
 * read local files nor reach the network. Only video adaptation sets are filtered; audio and text sets are kept as
 * they are.
 */
final class DashManifests {

    private DashManifests() {}

    /**
     * The MPD with the video representations {@code device} may not play removed (a video adaptation set left empty
     * goes too, and {@code maxWidth}/{@code maxHeight} follow what is left), and one {@code BaseURL} per edge, in
     * order, inserted as the first children of {@code MPD}.
     *
     * @throws IllegalArgumentException when the text is not a well-formed MPD (or declares a DOCTYPE)
     */
    static String rewrite(String mpd, Device device, List<EdgeBase> edges) {
        Document document = parse(mpd);
        Element root = document.getDocumentElement();
        if (!"MPD".equals(localName(root))) {
            throw new IllegalArgumentException("not a DASH manifest: the root element is " + localName(root));
        }
        for (Element period : children(root, "Period")) {
            for (Element set : children(period, "AdaptationSet")) {
                if (isVideo(set)) {
                    filter(set, device);
                }
            }
        }
        insertBaseUrls(document, root, edges);
        return serialise(document);
    }

    private static void filter(Element set, Device device) {
        int maxWidth = 0;
        int maxHeight = 0;
        int kept = 0;
        for (Element representation : children(set, "Representation")) {
            int height = intAttribute(representation, set, "height");
            String codecs = attribute(representation, set, "codecs");
            boolean allowed = height <= device.maxHeight()
                    && (codecs == null || codecs.isBlank() || allowsAnyVideoCodec(device, height, codecs));
            if (allowed) {
                kept++;
                maxWidth = Math.max(maxWidth, intAttribute(representation, set, "width"));
                maxHeight = Math.max(maxHeight, height);
            } else {
                remove(representation);
            }
        }
        if (kept == 0) {
            remove(set);
            return;
        }
        if (set.hasAttribute("maxWidth") && maxWidth > 0) {
            set.setAttribute("maxWidth", Integer.toString(maxWidth));
        }
        if (set.hasAttribute("maxHeight") && maxHeight > 0) {
            set.setAttribute("maxHeight", Integer.toString(maxHeight));
        }
    }

    private static boolean allowsAnyVideoCodec(Device device, int height, String codecs) {
        String video = Codecs.videoCodec(codecs);
        return video == null || device.allows(height, video);
    }

    private static void insertBaseUrls(Document document, Element root, List<EdgeBase> edges) {
        String indent = "\n  ";
        Node first = root.getFirstChild();
        String prefix = root.getPrefix();
        String name = prefix == null || prefix.isEmpty() ? "BaseURL" : prefix + ":BaseURL";
        for (EdgeBase edge : edges) {
            Element base = document.createElementNS(root.getNamespaceURI(), name);
            base.setAttribute("serviceLocation", edge.serviceLocation());
            base.setTextContent(edge.baseUrl());
            root.insertBefore(document.createTextNode(indent), first);
            root.insertBefore(base, first);
        }
    }

    private static boolean isVideo(Element set) {
        String contentType = set.getAttribute("contentType");
        if (!contentType.isEmpty()) {
            return contentType.equalsIgnoreCase("video");
        }
        if (set.getAttribute("mimeType").toLowerCase(Locale.ROOT).startsWith("video/")) {
            return true;
        }
        for (Element representation : children(set, "Representation")) {
            if (representation.getAttribute("mimeType").toLowerCase(Locale.ROOT).startsWith("video/")) {
                return true;
            }
        }
        return false;
    }

    /** Removes the element and the indentation before it. */
    private static void remove(Element element) {
        Node parent = element.getParentNode();
        Node previous = element.getPreviousSibling();
        if (previous != null
                && previous.getNodeType() == Node.TEXT_NODE
                && previous.getTextContent().isBlank()) {
            parent.removeChild(previous);
        }
        parent.removeChild(element);
    }

    private static @Nullable String attribute(Element element, Element parent, String name) {
        if (element.hasAttribute(name)) {
            return element.getAttribute(name);
        }
        return parent.hasAttribute(name) ? parent.getAttribute(name) : null;
    }

    private static int intAttribute(Element element, Element parent, String name) {
        String value = attribute(element, parent, name);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child && localName.equals(localName(child))) {
                children.add(child);
            }
        }
        return children;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    private static Document parse(String mpd) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(mpd.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not a well-formed DASH manifest: " + e.getMessage(), e);
        }
    }

    private static String serialise(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.METHOD, "xml");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            document.setXmlStandalone(true);
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            String xml = out.toString();
            // The JDK writes no line break after the declaration; keep the document's own layout readable.
            int end = xml.indexOf("?>");
            if (xml.startsWith("<?xml") && end > 0 && end + 2 < xml.length() && xml.charAt(end + 2) != '\n') {
                xml = xml.substring(0, end + 2) + "\n" + xml.substring(end + 2);
            }
            return xml.endsWith("\n") ? xml : xml + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("could not write the DASH manifest", e);
        }
    }
}
