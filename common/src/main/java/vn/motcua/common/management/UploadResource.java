package vn.motcua.common.management;

/**
 * A resource that takes a large PUT body one block at a time (RFC 7959 Block1) instead of the whole body in memory:
 * the management server hands it every block as it arrives, with no CoAP library in sight. It answers
 * {@link Reply.Status#CONTINUE} for a block taken while more are coming, its final answer for the last block, or an
 * error at any block (which ends the transfer). A PUT without blocks is one last block at offset 0.
 */
public interface UploadResource extends DeviceResource {
    /** One block of a PUT body. */
    record Block(long offset, byte[] payload, boolean more, long declaredSize) {
        /** Whether the client said how big the whole body is (the Size1 option). */
        public boolean sizeDeclared() {
            return declaredSize >= 0;
        }
    }

    /** The largest body taken; a bigger one is answered 4.13 with this as Size1. */
    long maxBodySize();

    Reply putBlock(Block block);

    @Override
    default Reply put(byte[] body) {
        return putBlock(new Block(0, body, false, body.length));
    }
}
