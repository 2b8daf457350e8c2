// The floor for a JVM desktop peer (Offset Explorer, Conduktor Desktop, Kafka-King's JVM
// cousins): an empty Swing window with one empty table. tests/bench/footprint.py times it
// to "shown" and reads its idle memory beside Streamlens's. A real peer can only be bigger.
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;

public final class EmptySwingWindow {
    public static void main(String[] args) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            JFrame frame = new JFrame("empty");
            frame.add(new JScrollPane(new JTable(20, 5)));
            frame.setSize(1280, 800);
            frame.setVisible(true);
        });
        System.out.println("shown");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
