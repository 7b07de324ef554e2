package org.rankcf.framework.util;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Exclusive ownership of a folder by one process: an OS file lock ({@link FileChannel#tryLock}) on
 * {@code .rankcf.lock} inside it, plus a line naming the holder (pid, host, start time) so that a refused
 * process can say who holds it.
 *
 * <p>Staleness: the OS releases the lock when its process dies (also after kill -9), so a lock that can be
 * taken is stale by definition and is taken over, whatever the holder line says. This holds across hosts
 * only on file systems whose locks reach the server (local disks, NFSv4, whose server drops a dead
 * client's locks when its lease ends); on a file system without working locks two hosts could both
 * succeed, so shared run folders must live on one that has them. The holder line is informative only.
 */
public final class FolderLock implements AutoCloseable {
  /** The lock file's name inside the locked folder. */
  public static final String FILE = ".rankcf.lock";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final String previousHolder;

  private FolderLock(Path file, FileChannel channel, FileLock lock, String previousHolder) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.previousHolder = previousHolder;
  }

  /**
   * Locks {@code folder} (created if missing) for this process, or throws a {@link UserInputException}
   * naming the folder and the live holder.
   */
  public static FolderLock acquire(Path folder, String purpose) {
    return acquire(folder, folder.resolve(FILE), purpose);
  }

  /**
   * Locks {@code what} through the lock file {@code file} (for a folder that is renamed while held, such
   * as a run's partial folder, the lock file lives beside it).
   */
  public static FolderLock acquire(Path what, Path file, String purpose) {
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this JVM already holds it
      }
      String holder = readHolder(channel);
      if (lock == null) {
        channel.close();
        throw new UserInputException(what + ": in use by another " + purpose + " ("
            + (holder.isEmpty() ? "holder unknown" : holder) + "); wait for it to finish, or use another folder");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((describeSelf(purpose) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new FolderLock(file, channel, lock, holder);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UserInputException(what + ": cannot lock (" + IoErrors.reason(e) + ")", e);
    }
  }

  /** The holder line found in the lock file when it was taken over ("" if none): a crashed earlier holder. */
  public String previousHolder() {
    return previousHolder;
  }

  /** This process as a holder line: {@code purpose, pid N on HOST since INSTANT}. */
  static String describeSelf(String purpose) {
    ProcessHandle self = ProcessHandle.current();
    String since = self.info().startInstant().map(Instant::toString).orElse("unknown time");
    return purpose + ", pid " + self.pid() + " on " + hostName() + " since " + since;
  }

  private static String readHolder(FileChannel channel) throws IOException {
    long size = Math.min(channel.size(), 4096);
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the lock error being reported matters more
      }
    }
  }

  /** Empties the holder line and releases the lock; the file stays (deleting it would race a new holder). */
  @Override
  public void close() {
    try {
      channel.truncate(0);
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot release the lock (" + IoErrors.reason(e) + ")", e);
    }
  }
}
