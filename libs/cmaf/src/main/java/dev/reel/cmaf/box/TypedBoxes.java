package dev.reel.cmaf.box;

final class TypedBoxes {

    private TypedBoxes() {}

    static PayloadReader reader(Box box, String expectedType) {
        if (!box.type().equals(expectedType)) {
            throw new MalformedBoxException("Expected a '" + expectedType + "' box, got '" + box.type() + "'");
        }
        if (!(box instanceof LeafBox leaf)) {
            throw new MalformedBoxException("'" + expectedType + "' must not be a container");
        }
        return PayloadReader.of(leaf);
    }
}
