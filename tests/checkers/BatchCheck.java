import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

/** EPUBCheck on many books in one JVM: one "RESULT fatals errors warnings path" line per book. */
public class BatchCheck {
    public static void main(String[] args) {
        for (String path : args) {
            DefaultReportImpl report = new DefaultReportImpl(path);
            new EpubCheck(new File(path), report).doValidate();
            System.out.println("RESULT " + report.getFatalErrorCount() + " " + report.getErrorCount()
                + " " + report.getWarningCount() + " " + path);
        }
    }
}
