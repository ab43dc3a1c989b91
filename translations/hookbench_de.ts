<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>hookbench::InlineMessage</name>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>hookbench::MainWindow</name>
    <message>
        <source>Hookbench</source>
        <translation>Hookbench</translation>
    </message>
    <message>
        <source>Recent requests</source>
        <translation>Letzte Anfragen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Receiver</source>
        <translation>&amp;Empfänger</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>URL &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the webhook URL to the clipboard</source>
        <translation>Die Webhook-URL in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <source>Port %1 on %2 is already in use by another program.</source>
        <translation>Port %1 auf %2 wird bereits von einem anderen Programm verwendet.</translation>
    </message>
    <message>
        <source>Use a free port instead (webhooks must then be sent to the new URL), or stop the other program and retry.</source>
        <translation>Verwenden Sie stattdessen einen freien Port (Webhooks müssen dann an die neue URL gesendet werden) oder beenden Sie das andere Programm und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The receiver could not start: %1</source>
        <translation>Der Empfänger konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Use Free Port %1</source>
        <translation>Freien Port %1 verwenden</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Requests: %1</source>
        <translation>Anfragen: %1</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard</source>
        <translation>%1 wurde in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <source>Listening</source>
        <comment>receiver state</comment>
        <translation>Empfangsbereit</translation>
    </message>
    <message>
        <source>Starting…</source>
        <comment>receiver state</comment>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <source>Stopped</source>
        <comment>receiver state</comment>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Nicht empfangsbereit</translation>
    </message>
    <message>
        <source>Waiting for webhooks</source>
        <translation>Warten auf Webhooks</translation>
    </message>
    <message>
        <source>POST to %1 and every request shows up here as it arrives.</source>
        <translation>Senden Sie per POST an %1 – jede Anfrage erscheint hier, sobald sie eintrifft.</translation>
    </message>
    <message>
        <source>To try it from a terminal:</source>
        <translation>Zum Ausprobieren im Terminal:</translation>
    </message>
    <message>
        <source>Starting the receiver…</source>
        <translation>Empfänger wird gestartet …</translation>
    </message>
    <message>
        <source>The receiver is not running</source>
        <translation>Der Empfänger läuft nicht</translation>
    </message>
    <message>
        <source>Requests are shown here once Hookbench is listening.</source>
        <translation>Anfragen werden hier angezeigt, sobald Hookbench empfangsbereit ist.</translation>
    </message>
</context>
<context>
    <name>hookbench::PlaceholderWidget</name>
    <message>
        <source>Copy Command</source>
        <translation>Befehl kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>hookbench::RecentEventsModel</name>
    <message>
        <source>OK</source>
        <comment>authentication outcome</comment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>authentication outcome</comment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Missing</source>
        <comment>authentication outcome: no x-vwo-auth header</comment>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Not required</source>
        <comment>authentication outcome</comment>
        <translation>Nicht erforderlich</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Matched key %1</source>
        <translation>Passender Schlüssel: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Auth</source>
        <comment>column: outcome of the x-vwo-auth check</comment>
        <translation>Auth</translation>
    </message>
    <message>
        <source>Valid</source>
        <comment>column: payload is a valid VWO webhook</comment>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Remote</source>
        <comment>column: address and port of the sender</comment>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>(malformed request)</source>
        <translation>(fehlerhafte Anfrage)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Receive and inspect VWO webhooks on the desktop.</source>
        <translation>VWO-Webhooks auf dem Desktop empfangen und untersuchen.</translation>
    </message>
    <message>
        <source>Listen on port &lt;N&gt; (default 4000; 0 picks a free one).</source>
        <translation>Auf Port &lt;N&gt; empfangen (Standard 4000; 0 wählt einen freien Port).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Store events in &lt;file&gt; instead of the default database.</source>
        <translation>Ereignisse in &lt;Datei&gt; statt in der Standarddatenbank speichern.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>hookbench: invalid --port &apos;%1&apos;: expected 0 to 65535</source>
        <translation>hookbench: ungültiger Wert für --port „%1“: erwartet wird 0 bis 65535</translation>
    </message>
</context>
</TS>
