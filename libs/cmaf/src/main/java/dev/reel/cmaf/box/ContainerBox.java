package dev.reel.cmaf.box;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A box whose content is a fixed-length prefix (for example the version, flags and entry count of
 * {@code stsd}, or the fields of a sample entry) followed by child boxes. Immutable: the {@code
 * with...} methods return modified copies.
 */
public final class ContainerBox implements Box {

    private final String type;
    private final byte[] prefix;
    private final List<Box> children;
    private final boolean largeSize;
    private final long size;

    private ContainerBox(String type, byte[] prefix, List<? extends Box> children, boolean largeSize) {
        this.type = FourCc.require(type);
        this.prefix = prefix;
        this.children = List.copyOf(children);
        this.largeSize = largeSize;
        long content = prefix.length;
        for (Box child : this.children) {
            content += child.size();
            if (content > MAX_SIZE) {
                throw new IllegalArgumentException("Box '" + type + "' is too large");
            }
        }
        this.size = Box.sizeFor(type, content, largeSize);
    }

    /** A container with no prefix, such as {@code moov} or {@code traf}. */
    public static ContainerBox of(String type, List<? extends Box> children) {
        return new ContainerBox(type, new byte[0], children, false);
    }

    /** A container whose children follow {@code prefix} (copied). */
    public static ContainerBox of(String type, byte[] prefix, List<? extends Box> children) {
        return new ContainerBox(type, prefix.clone(), children, false);
    }

    static ContainerBox parsed(String type, byte[] prefix, List<Box> children, boolean largeSize) {
        return new ContainerBox(type, prefix, children, largeSize);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean largeSize() {
        return largeSize;
    }

    /** A copy of the bytes between the header and the first child. */
    public byte[] prefix() {
        return prefix.clone();
    }

    public int prefixSize() {
        return prefix.length;
    }

    /** The children in order; unmodifiable. */
    public List<Box> children() {
        return children;
    }

    /** The first child of {@code type}, or null. */
    public @Nullable Box child(String type) {
        for (Box child : children) {
            if (child.type().equals(type)) {
                return child;
            }
        }
        return null;
    }

    /** Every child of {@code type}, in order. */
    public List<Box> children(String type) {
        List<Box> matches = new ArrayList<>();
        for (Box child : children) {
            if (child.type().equals(type)) {
                matches.add(child);
            }
        }
        return matches;
    }

    /** The first child of {@code type} if it was parsed as a container, else null. */
    public @Nullable ContainerBox container(String type) {
        return child(type) instanceof ContainerBox c ? c : null;
    }

    /** The first child of {@code type} if it is a leaf, else null. */
    public @Nullable LeafBox leaf(String type) {
        return child(type) instanceof LeafBox l ? l : null;
    }

    /**
     * Follows a slash-separated path of first-matching children, e.g. {@code "mdia/minf/stbl/stsd"}.
     *
     * @return the box at the end of the path, or null if any step is missing or not a container
     */
    public @Nullable Box find(String path) {
        Box current = this;
        for (String step : path.split("/", -1)) {
            if (!(current instanceof ContainerBox c)) {
                return null;
            }
            Box next = c.child(step);
            if (next == null) {
                return null;
            }
            current = next;
        }
        return current;
    }

    /** The offset of child {@code index} from the start of this box. */
    public long childOffset(int index) {
        long offset = headerSize() + prefix.length;
        for (int i = 0; i < index; i++) {
            offset += children.get(i).size();
        }
        return offset;
    }

    public ContainerBox withType(String newType) {
        return new ContainerBox(newType, prefix, children, largeSize);
    }

    public ContainerBox withChildren(List<? extends Box> newChildren) {
        return new ContainerBox(type, prefix, newChildren, largeSize);
    }

    /** A copy with child {@code index} replaced. */
    public ContainerBox withChild(int index, Box child) {
        List<Box> copy = new ArrayList<>(children);
        copy.set(index, child);
        return withChildren(copy);
    }

    /** A copy with {@code child} appended after the existing children. */
    public ContainerBox plus(Box child) {
        List<Box> copy = new ArrayList<>(children);
        copy.add(child);
        return withChildren(copy);
    }

    @Override
    public void writeTo(PayloadWriter out) {
        Box.writeHeader(out, type, size, largeSize);
        out.bytes(prefix);
        for (Box child : children) {
            child.writeTo(out);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContainerBox other
                && type.equals(other.type)
                && largeSize == other.largeSize
                && Arrays.equals(prefix, other.prefix)
                && children.equals(other.children);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Arrays.hashCode(prefix)) + children.hashCode();
    }

    @Override
    public String toString() {
        return type + children;
    }
}
