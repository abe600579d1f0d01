import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an NDJSON import file of N stories with up to five localizations each (vi source; en, fr, zh-Hans, uk
 * translated), realistic in size and script. Usage: java bench/GenerateImport.java STORIES OUT_FILE [RUN_ID [LANGUAGES]]
 */
public class GenerateImport {
    private static final String[][] LANGUAGES = {
            {"vi", "Tạo chuyển biến căn bản trong công tác thông tin đối ngoại, số", "Nghị quyết đặt mục tiêu nâng cao chất lượng và hiệu quả thông tin đối ngoại đến năm 2030."},
            {"en", "A fundamental shift in foreign information work, number", "The resolution sets out to raise the quality and effect of foreign information work by 2030."},
            {"fr", "Un changement fondamental de l'information extérieure, numéro", "La résolution vise à améliorer la qualité et l'efficacité de l'information extérieure d'ici 2030."},
            {"zh-Hans", "对外信息工作实现根本转变，第", "该决议旨在到2030年提高对外信息工作的质量和成效。"},
            {"uk", "Докорінні зміни в роботі зовнішньої інформації, номер", "Постанова має на меті підвищити якість і ефективність зовнішньої інформації до 2030 року."}};

    public static void main(String[] args) throws IOException {
        int stories = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        String run = args.length > 2 ? args[2] : Long.toString(System.currentTimeMillis(), 36);
        int languages = args.length > 3 ? Integer.parseInt(args[3]) : LANGUAGES.length;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < stories; i++) {
                StringBuilder line = new StringBuilder(4096);
                line.append("{\"externalId\":\"bench-").append(run).append('-').append(i).append("\",\"type\":\"article\",")
                        .append("\"countries\":[\"VN\",\"FR\"],\"tags\":[\"bench\",\"resolution-47\"],")
                        .append("\"rights\":{\"credit\":\"Image Hub bench\",\"source\":\"Ministry of Foreign Affairs\",\"licence\":\"CC-BY-4.0\"},")
                        .append("\"fields\":{\"dateline\":\"HA NOI\"},\"localizations\":[");
                for (int l = 0; l < languages; l++) {
                    String[] language = LANGUAGES[l];
                    if (l > 0) {
                        line.append(',');
                    }
                    line.append("{\"lang\":\"").append(language[0]).append("\",\"title\":\"").append(language[1]).append(' ')
                            .append(run).append('-').append(i).append("\",\"summary\":\"").append(language[2])
                            .append("\",\"body\":\"");
                    for (int p = 0; p < 4; p++) {
                        line.append("<p>").append(language[2]).append(' ').append(language[2]).append("</p>");
                    }
                    line.append('"');
                    if (l > 0) {
                        line.append(",\"translatedFrom\":\"vi\"");
                    }
                    line.append('}');
                }
                writer.write(line.append("]}\n").toString());
            }
        }
    }
}
