<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>EndpointTransfer</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Add %1 at %2</source>
        <translation>%1 unter %2 hinzufügen</translation>
    </message>
    <message>
        <source>Update %1 (%2)</source>
        <translation>%1 ändern (%2)</translation>
    </message>
    <message>
        <source>Set the settings-file account of %1 to %2</source>
        <translation>Konto der Einstellungsdatei von %1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>Unverändert: %1</translation>
    </message>
    <message>
        <source>%1, settings-file account: %2</source>
        <translation>%1, Konto der Einstellungsdatei: %2</translation>
    </message>
    <message>
        <source>Export Endpoint Configuration</source>
        <translation>Endpunkt-Konfiguration exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The configuration was not exported.</source>
        <translation>Die Konfiguration wurde nicht exportiert.</translation>
    </message>
    <message>
        <source>Exported the endpoints to %1.</source>
        <translation>Die Endpunkte wurden nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Webhook keys and SDK keys are not in the file: each member of the team sets their own.</source>
        <translation>Webhook-Schlüssel und SDK-Schlüssel stehen nicht in der Datei: Jedes Teammitglied richtet seine eigenen ein.</translation>
    </message>
    <message>
        <source>Import Endpoint Configuration</source>
        <translation>Endpunkt-Konfiguration importieren</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The endpoints are already set up as in %1.</source>
        <translation>Die Endpunkte sind bereits wie in %1 eingerichtet.</translation>
    </message>
    <message>
        <source>Import %1? It changes:</source>
        <translation>%1 importieren? Dies ändert:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Some of the configuration was not imported:</source>
        <translation>Ein Teil der Konfiguration wurde nicht importiert:</translation>
    </message>
</context>
<context>
    <name>EventDetailJson</name>
    <message>
        <source>(root)</source>
        <translation>(Wurzel)</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Wahrheitswert</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>1 key</source>
        <translation>1 Schlüssel</translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation>%1 Schlüssel</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 Element</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 Elemente</translation>
    </message>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
</context>
<context>
    <name>EventDetailText</name>
    <message>
        <source>Refused (401): the x-vwo-auth header is missing</source>
        <translation>Abgewiesen (401): der Header x-vwo-auth fehlt</translation>
    </message>
    <message>
        <source>Refused (401): x-vwo-auth did not match any configured key</source>
        <translation>Abgewiesen (401): x-vwo-auth passt zu keinem eingerichteten Schlüssel</translation>
    </message>
    <message>
        <source>Not found (404): no endpoint at %1</source>
        <translation>Nicht gefunden (404): kein Endpunkt unter %1</translation>
    </message>
    <message>
        <source>Method not allowed (405): %1 is not accepted here; webhooks use POST</source>
        <translation>Methode nicht erlaubt (405): %1 wird hier nicht angenommen; Webhooks verwenden POST</translation>
    </message>
    <message>
        <source>Too large (413): %1</source>
        <translation>Zu groß (413): %1</translation>
    </message>
    <message>
        <source>Headers too large (431): %1</source>
        <translation>Header zu groß (431): %1</translation>
    </message>
    <message>
        <source>Malformed HTTP request (400): %1</source>
        <translation>Fehlerhafte HTTP-Anfrage (400): %1</translation>
    </message>
    <message>
        <source>Rejected (400): %1</source>
        <translation>Zurückgewiesen (400): %1</translation>
    </message>
    <message>
        <source>Accepted (%1): authenticated with key %2 and a valid VWO payload</source>
        <translation>Angenommen (%1): mit Schlüssel %2 authentifiziert und gültige VWO-Nutzdaten</translation>
    </message>
    <message>
        <source>Accepted (%1): a valid VWO payload; no key is required here</source>
        <translation>Angenommen (%1): gültige VWO-Nutzdaten; hier ist kein Schlüssel nötig</translation>
    </message>
    <message>
        <source>Not answered: the connection ended before an answer was sent</source>
        <translation>Nicht beantwortet: die Verbindung endete, bevor eine Antwort gesendet wurde</translation>
    </message>
    <message>
        <source>Answered %1 by the response override; the request was invalid: %2</source>
        <translation>Mit %1 beantwortet (vorgegebene Antwort); die Anfrage war ungültig: %2</translation>
    </message>
    <message>
        <source>Answered %1 by the response override; the request itself was valid</source>
        <translation>Mit %1 beantwortet (vorgegebene Antwort); die Anfrage selbst war gültig</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Matched key %1</source>
        <translation>Passender Schlüssel %1</translation>
    </message>
    <message>
        <source>x-vwo-auth did not match any configured key</source>
        <translation>x-vwo-auth passt zu keinem eingerichteten Schlüssel</translation>
    </message>
    <message>
        <source>x-vwo-auth header missing</source>
        <translation>Header x-vwo-auth fehlt</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Valid VWO webhook</source>
        <translation>Gültiger VWO-Webhook</translation>
    </message>
    <message>
        <source>Not a valid VWO webhook</source>
        <translation>Kein gültiger VWO-Webhook</translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <source>Not required</source>
        <comment>authentication outcome</comment>
        <translation>Nicht erforderlich</translation>
    </message>
    <message>
        <source>no keys configured, so x-vwo-auth was not checked</source>
        <translation>keine Schlüssel eingerichtet, daher wurde x-vwo-auth nicht geprüft</translation>
    </message>
    <message>
        <source>Forwarding to %1…</source>
        <translation>Wird an %1 weitergeleitet …</translation>
    </message>
    <message>
        <source>Forwarding to %1 failed: %2</source>
        <translation>Weiterleitung an %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Forwarded to %1: %2 in %3 ms</source>
        <translation>An %1 weitergeleitet: %2 in %3 ms</translation>
    </message>
    <message>
        <source>Waiting for the app: VWO gets the answer of %1 once it comes</source>
        <translation>Warten auf die App: VWO erhält die Antwort von %1, sobald sie kommt</translation>
    </message>
    <message>
        <source>Not answered: VWO closed the connection before the app answered</source>
        <translation>Nicht beantwortet: VWO hat die Verbindung geschlossen, bevor die App antwortete</translation>
    </message>
    <message>
        <source>Answered %1: the app at %2 could not be reached (%3)</source>
        <translation>Mit %1 beantwortet: Die App unter %2 war nicht erreichbar (%3)</translation>
    </message>
    <message>
        <source>Answered %1 as the app at %2 did; the webhook itself was accepted</source>
        <translation>Mit %1 beantwortet, wie die App unter %2; der Webhook selbst wurde angenommen</translation>
    </message>
</context>
<context>
    <name>EventLogDisplay</name>
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
        <source>(malformed request)</source>
        <translation>(fehlerhafte Anfrage)</translation>
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
        <source>%1 ms</source>
        <comment>handling time</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Matched key %1</source>
        <translation>Passender Schlüssel %1</translation>
    </message>
    <message>
        <source>From the complete request to the answer being queued</source>
        <translation>Von der vollständigen Anfrage bis zur eingereihten Antwort</translation>
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
        <source>Handling</source>
        <comment>column: time taken to answer the request</comment>
        <translation>Bearbeitung</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <comment>event removed from the store by retention since the list was loaded</comment>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>No keys configured, so x-vwo-auth was not checked</source>
        <translation>Keine Schlüssel eingerichtet, daher wurde x-vwo-auth nicht geprüft</translation>
    </message>
    <message>
        <source>Attempts</source>
        <comment>column: how many times VWO sent this webhook</comment>
        <translation>Versuche</translation>
    </message>
    <message numerus="yes">
        <source>VWO sent this webhook %n times; the last attempt was accepted.</source>
        <translation>
            <numerusform>VWO hat diesen Webhook %n-mal gesendet; der letzte Versuch wurde angenommen.</numerusform>
            <numerusform>VWO hat diesen Webhook %n-mal gesendet; der letzte Versuch wurde angenommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>VWO sent this webhook %n times; none was accepted yet (VWO retries for an hour).</source>
        <translation>
            <numerusform>VWO hat diesen Webhook %n-mal gesendet; er wurde noch nicht angenommen (VWO versucht es eine Stunde lang erneut).</numerusform>
            <numerusform>VWO hat diesen Webhook %n-mal gesendet; noch kein Versuch wurde angenommen (VWO versucht es eine Stunde lang erneut).</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to hide the attempts.</source>
        <translation>Klicken, um die Versuche auszublenden.</translation>
    </message>
    <message>
        <source>Click to list the attempts.</source>
        <translation>Klicken, um die Versuche aufzulisten.</translation>
    </message>
    <message>
        <source>%1 (starred)</source>
        <translation>%1 (mit Stern)</translation>
    </message>
    <message>
        <source>Not fetched</source>
        <comment>settings column: no settings-file fetch followed the webhook</comment>
        <translation>Nicht abgerufen</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <comment>settings column: the settings file is being fetched for the webhook</comment>
        <translation>Wird abgerufen …</translation>
    </message>
    <message>
        <source>Fetched</source>
        <comment>settings column: a settings-file fetch after the webhook succeeded</comment>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>settings column: every settings-file fetch after the webhook failed</comment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>No settings-file fetch was recorded for this webhook: no account was set up, automatic fetching was off, or Hookbench stopped before fetching</source>
        <translation>Für diesen Webhook wurde kein Abruf der Einstellungsdatei aufgezeichnet: Es war kein Konto eingerichtet, der automatische Abruf war ausgeschaltet, oder Hookbench wurde vor dem Abruf beendet</translation>
    </message>
    <message>
        <source>The settings file is being fetched for this webhook</source>
        <translation>Die Einstellungsdatei wird für diesen Webhook abgerufen</translation>
    </message>
    <message>
        <source>The settings file was fetched after this webhook; select it to see the version</source>
        <translation>Die Einstellungsdatei wurde nach diesem Webhook abgerufen; wählen Sie ihn aus, um die Version zu sehen</translation>
    </message>
    <message>
        <source>Fetching the settings file after this webhook failed; select it to see why</source>
        <translation>Der Abruf der Einstellungsdatei nach diesem Webhook ist fehlgeschlagen; wählen Sie ihn aus, um den Grund zu sehen</translation>
    </message>
    <message>
        <source>Only valid, authenticated webhooks lead to a settings-file fetch</source>
        <translation>Nur gültige, authentifizierte Webhooks führen zu einem Abruf der Einstellungsdatei</translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>column: the settings-file fetch the webhook led to</comment>
        <translation>Einstellungsdatei</translation>
    </message>
    <message>
        <source>Received by endpoint %1</source>
        <translation>Vom Endpunkt %1 empfangen</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <comment>column: the endpoint (VWO environment) the request came to</comment>
        <translation>Endpunkt</translation>
    </message>
</context>
<context>
    <name>QSQLiteResult</name>
    <message>
        <source>Unable to fetch row</source>
        <translation>Der Datensatz konnte nicht abgerufen werden</translation>
    </message>
</context>
<context>
    <name>SecretFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>Cannot read the secrets file %1: %2</source>
        <translation>Die Geheimnisdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The secrets file %1 is not a regular file</source>
        <translation>Die Geheimnisdatei %1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>The secrets file %1 belongs to another user (uid %2); it must be yours</source>
        <translation>Die Geheimnisdatei %1 gehört einem anderen Benutzer (UID %2); sie muss Ihnen gehören</translation>
    </message>
    <message>
        <source>The secrets file %1 has mode %2, but it must be 0600 (only you can read it). Its secrets may have been exposed; replace them, then run: chmod 600 %1</source>
        <translation>Die Geheimnisdatei %1 hat die Zugriffsrechte %2, muss aber 0600 haben (nur Sie können sie lesen). Die darin enthaltenen Geheimnisse könnten offengelegt worden sein; ersetzen Sie sie und führen Sie dann aus: chmod 600 %1</translation>
    </message>
    <message>
        <source>The secrets file %1 is not valid JSON (%2: %3); it was left unchanged</source>
        <translation>Die Geheimnisdatei %1 ist kein gültiges JSON (%2: %3); sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>The secrets file %1 must hold a JSON object (name: base64 secret); it was left unchanged</source>
        <translation>Die Geheimnisdatei %1 muss ein JSON-Objekt enthalten (Name: Base64-Geheimnis); sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>The secrets file %1: the entry &quot;%2&quot; is not a base64 string; the file was left unchanged</source>
        <translation>Geheimnisdatei %1: Der Eintrag „%2“ ist keine Base64-Zeichenkette; die Datei wurde nicht verändert</translation>
    </message>
    <message>
        <source>Cannot write the secrets file %1: %2</source>
        <translation>Die Geheimnisdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot make the secrets file %1 private: %2</source>
        <translation>Die Zugriffsrechte der Geheimnisdatei %1 können nicht auf privat gesetzt werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the secrets file</source>
        <translation>Der Ordner %1 für die Geheimnisdatei kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>The secrets file %1 is locked by another process (%2.lock)</source>
        <translation>Die Geheimnisdatei %1 ist von einem anderen Prozess gesperrt (%2.lock)</translation>
    </message>
</context>
<context>
    <name>SettingsFetchText</name>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>SettingsUrl</name>
    <message>
        <source>the base URL is empty</source>
        <translation>die Basis-URL ist leer</translation>
    </message>
    <message>
        <source>the base URL is not a valid URL (%1)</source>
        <translation>die Basis-URL ist keine gültige URL (%1)</translation>
    </message>
    <message>
        <source>the base URL must start with https:// or http://</source>
        <translation>die Basis-URL muss mit https:// oder http:// beginnen</translation>
    </message>
    <message>
        <source>the base URL has no host</source>
        <translation>die Basis-URL hat keinen Host</translation>
    </message>
    <message>
        <source>the base URL must not contain a user name or password</source>
        <translation>die Basis-URL darf weder Benutzernamen noch Passwort enthalten</translation>
    </message>
    <message>
        <source>the base URL must not have a query (?…)</source>
        <translation>die Basis-URL darf keine Abfrage (?…) enthalten</translation>
    </message>
    <message>
        <source>the base URL must not have a fragment (#…)</source>
        <translation>die Basis-URL darf kein Fragment (#…) enthalten</translation>
    </message>
    <message>
        <source>the account id is empty</source>
        <translation>die Konto-ID ist leer</translation>
    </message>
    <message>
        <source>the account id must be digits only (character %1 is &quot;%2&quot;)</source>
        <translation>die Konto-ID darf nur aus Ziffern bestehen (Zeichen %1 ist „%2“)</translation>
    </message>
    <message>
        <source>the account id is longer than %1 digits</source>
        <translation>die Konto-ID ist länger als %1 Ziffern</translation>
    </message>
    <message>
        <source>the SDK key is empty</source>
        <translation>der SDK-Schlüssel ist leer</translation>
    </message>
    <message>
        <source>the SDK key is longer than %1 characters</source>
        <translation>der SDK-Schlüssel ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>the SDK key contains whitespace (character %1)</source>
        <translation>der SDK-Schlüssel enthält Leerraum (Zeichen %1)</translation>
    </message>
    <message>
        <source>the SDK key contains a character that is not printable ASCII (character %1)</source>
        <translation>der SDK-Schlüssel enthält ein Zeichen, das kein druckbares ASCII-Zeichen ist (Zeichen %1)</translation>
    </message>
</context>
<context>
    <name>TrayDigest</name>
    <message>
        <source>Failed request</source>
        <translation>Fehlgeschlagene Anfrage</translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation>einer unbekannten Adresse</translation>
    </message>
    <message>
        <source>%1 %2 from %3: %4</source>
        <translation>%1 %2 von %3: %4</translation>
    </message>
    <message>
        <source>Failed requests</source>
        <translation>Fehlgeschlagene Anfragen</translation>
    </message>
    <message>
        <source>%1 with a wrong x-vwo-auth</source>
        <translation>%1 mit falschem x-vwo-auth</translation>
    </message>
    <message>
        <source>%1 without x-vwo-auth</source>
        <translation>%1 ohne x-vwo-auth</translation>
    </message>
    <message>
        <source>%1 with an invalid payload</source>
        <translation>%1 mit ungültigen Nutzdaten</translation>
    </message>
    <message>
        <source>%1 requests failed in the last %2 s: %3</source>
        <translation>%1 Anfragen in den letzten %2 s fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>x-vwo-auth did not match any configured key</source>
        <translation>x-vwo-auth passt zu keinem eingerichteten Schlüssel</translation>
    </message>
    <message>
        <source>the x-vwo-auth header is missing</source>
        <translation>der Header x-vwo-auth fehlt</translation>
    </message>
    <message>
        <source>the payload is not a valid VWO webhook</source>
        <translation>die Nutzdaten sind kein gültiger VWO-Webhook</translation>
    </message>
    <message>
        <source>invalid payload: %1</source>
        <translation>ungültige Nutzdaten: %1</translation>
    </message>
</context>
<context>
    <name>hookbench::AboutDialog</name>
    <message>
        <source>About Hookbench</source>
        <translation>Über Hookbench</translation>
    </message>
    <message>
        <source>A desktop workbench for VWO FullStack webhooks: receive and inspect them, keep every version of the settings file and compare them, manage webhook keys and send test webhooks.</source>
        <translation>Eine Werkbank für VWO-FullStack-Webhooks auf dem Desktop: Webhooks empfangen und prüfen, jede Version der Einstellungsdatei aufbewahren und vergleichen, Webhook-Schlüssel verwalten und Test-Webhooks senden.</translation>
    </message>
    <message>
        <source>Copyright © 2026 the Hookbench developers.&lt;br&gt;Free software under the %1: you may share and change it under its terms. It comes with no warranty.</source>
        <translation>Copyright © 2026 die Entwickler von Hookbench.&lt;br&gt;Freie Software unter der %1: Sie dürfen sie nach deren Bedingungen weitergeben und verändern. Sie wird ohne jede Gewährleistung bereitgestellt.</translation>
    </message>
    <message>
        <source>GNU General Public License, version 3 or later</source>
        <translation>GNU General Public License, Version 3 oder später</translation>
    </message>
    <message>
        <source>VWO on webhooks: %1 · %2</source>
        <translation>VWO über Webhooks: %1 · %2</translation>
    </message>
    <message>
        <source>Configure webhooks</source>
        <translation>Webhooks einrichten</translation>
    </message>
    <message>
        <source>Why webhooks</source>
        <translation>Warum Webhooks</translation>
    </message>
    <message>
        <source>Version %1 (Qt %2)</source>
        <translation>Version %1 (Qt %2)</translation>
    </message>
</context>
<context>
    <name>hookbench::AccountProfileDialog</name>
    <message>
        <source>Settings-File Account</source>
        <translation>Konto für die Einstellungsdatei</translation>
    </message>
    <message>
        <source>VWO account</source>
        <translation>VWO-Konto</translation>
    </message>
    <message>
        <source>&amp;Account id:</source>
        <translation>&amp;Konto-ID:</translation>
    </message>
    <message>
        <source>123456</source>
        <translation>123456</translation>
    </message>
    <message>
        <source>Your VWO account id: Settings &gt; Accounts in the VWO app, or the a= of a settings-file URL.</source>
        <translation>Ihre VWO-Konto-ID: in der VWO-App unter Settings &gt; Accounts oder der Wert von a= in einer URL der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>&amp;SDK key:</source>
        <translation>&amp;SDK-Schlüssel:</translation>
    </message>
    <message>
        <source>The FullStack SDK key of the environment (VWO app: FullStack &gt; Projects &gt; environment). Kept in the system keychain, never shown in logs or exports.</source>
        <translation>Der FullStack-SDK-Schlüssel der Umgebung (VWO-App: FullStack &gt; Projects &gt; Umgebung). Wird im Schlüsselbund des Systems aufbewahrt und nie in Protokollen oder Exporten angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>https://dev.visualwebsiteoptimizer.com</source>
        <translation>https://dev.visualwebsiteoptimizer.com</translation>
    </message>
    <message>
        <source>Leave empty for VWO. Set it to fetch through a proxy or from a test server.</source>
        <translation>Für VWO leer lassen. Tragen Sie eine URL ein, um über einen Proxy oder von einem Testserver abzurufen.</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long one attempt may wait in silence before it counts as failed. A fetch makes up to 5 attempts.</source>
        <translation>Wie lange ein Versuch ohne jede Rückmeldung warten darf, bevor er als fehlgeschlagen gilt. Ein Abruf unternimmt bis zu 5 Versuche.</translation>
    </message>
    <message>
        <source>&amp;Fetch the settings file after every valid, authenticated webhook</source>
        <translation>&amp;Einstellungsdatei nach jedem gültigen, authentifizierten Webhook abrufen</translation>
    </message>
    <message>
        <source>Hookbench fetches the settings file of this account for endpoint &quot;%1&quot; and keeps every version.</source>
        <translation>Hookbench ruft die Einstellungsdatei dieses Kontos für den Endpunkt „%1“ ab und bewahrt jede Version auf.</translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace it</source>
        <translation>im Schlüsselbund gespeichert; zum Ersetzen neu eingeben</translation>
    </message>
    <message>
        <source>No SDK key is stored yet.</source>
        <translation>Es ist noch kein SDK-Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>Account id: enter the VWO account id, for example 123456.</source>
        <translation>Konto-ID: Geben Sie die VWO-Konto-ID ein, zum Beispiel 123456.</translation>
    </message>
    <message>
        <source>Account id: %1.</source>
        <translation>Konto-ID: %1.</translation>
    </message>
    <message>
        <source>SDK key: enter the SDK key of the environment.</source>
        <translation>SDK-Schlüssel: Geben Sie den SDK-Schlüssel der Umgebung ein.</translation>
    </message>
    <message>
        <source>SDK key: %1.</source>
        <translation>SDK-Schlüssel: %1.</translation>
    </message>
    <message>
        <source>Base URL: %1.</source>
        <translation>Basis-URL: %1.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Settings-File Account of %1</source>
        <translation>Konto der Einstellungsdatei von %1</translation>
    </message>
</context>
<context>
    <name>hookbench::DiffTextView</name>
    <message>
        <source>Text differences</source>
        <translation>Textunterschiede</translation>
    </message>
</context>
<context>
    <name>hookbench::DiffTreeModel</name>
    <message>
        <source>No changes</source>
        <translation>Keine Änderungen</translation>
    </message>
    <message>
        <source>1 campaign</source>
        <translation>1 Kampagne</translation>
    </message>
    <message>
        <source>%1 campaigns</source>
        <translation>%1 Kampagnen</translation>
    </message>
    <message>
        <source>1 top-level item</source>
        <translation>1 Element der obersten Ebene</translation>
    </message>
    <message>
        <source>%1 top-level items</source>
        <translation>%1 Elementen der obersten Ebene</translation>
    </message>
    <message>
        <source>1 other section</source>
        <translation>1 anderen Abschnitt</translation>
    </message>
    <message>
        <source>%1 other sections</source>
        <translation>%1 anderen Abschnitten</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>(Wurzel)</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 Änderung</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 Änderungen</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>%1 below</source>
        <translation>%1 darunter</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
</context>
<context>
    <name>hookbench::DiffWindow</name>
    <message>
        <source>Compare — Hookbench</source>
        <translation>Vergleich — Hookbench</translation>
    </message>
    <message>
        <source>Drop two JSON files here, or open them with Open Old and Open New.</source>
        <translation>Legen Sie hier zwei JSON-Dateien ab oder öffnen Sie sie mit „Alte Datei öffnen“ und „Neue Datei öffnen“.</translation>
    </message>
    <message>
        <source>Drop or open the other file to compare it with %1.</source>
        <translation>Legen Sie die andere Datei hier ab oder öffnen Sie sie, um sie mit %1 zu vergleichen.</translation>
    </message>
    <message>
        <source>%1 → %2 — Hookbench</source>
        <translation>%1 → %2 — Hookbench</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>Comparing in VWO&apos;s terms…</source>
        <translation>Wird im Sinne von VWO verglichen …</translation>
    </message>
    <message>
        <source>Formatting both sides…</source>
        <translation>Beide Seiten werden formatiert …</translation>
    </message>
    <message>
        <source>Comparing the text…</source>
        <translation>Text wird verglichen …</translation>
    </message>
    <message>
        <source>Showing the result…</source>
        <translation>Ergebnis wird angezeigt …</translation>
    </message>
    <message>
        <source>Comparison canceled; the view shows the previous result.</source>
        <translation>Vergleich abgebrochen; die Ansicht zeigt das vorherige Ergebnis.</translation>
    </message>
    <message>
        <source>Cannot compare: %1.</source>
        <translation>Vergleich nicht möglich: %1.</translation>
    </message>
    <message>
        <source>The two documents are identical.</source>
        <translation>Die beiden Dokumente sind identisch.</translation>
    </message>
    <message>
        <source>No change in VWO&apos;s terms: only the text differs.</source>
        <translation>Keine Änderung im Sinne von VWO: Nur der Text unterscheidet sich.</translation>
    </message>
    <message>
        <source>No change in content: only the text differs.</source>
        <translation>Keine inhaltliche Änderung: Nur der Text unterscheidet sich.</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>Text: %1 removed, %2 added</source>
        <translation>Text: %1 entfernt, %2 hinzugefügt</translation>
    </message>
    <message>
        <source>change %1 of %2</source>
        <translation>Änderung %1 von %2</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 Änderung</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 Änderungen</translation>
    </message>
    <message>
        <source>Open &amp;Old…</source>
        <translation>&amp;Alte Datei öffnen …</translation>
    </message>
    <message>
        <source>Choose the file shown on the left</source>
        <translation>Die links angezeigte Datei wählen</translation>
    </message>
    <message>
        <source>Open &amp;New…</source>
        <translation>&amp;Neue Datei öffnen …</translation>
    </message>
    <message>
        <source>Choose the file shown on the right</source>
        <translation>Die rechts angezeigte Datei wählen</translation>
    </message>
    <message>
        <source>&amp;Swap Sides</source>
        <translation>Seiten &amp;tauschen</translation>
    </message>
    <message>
        <source>Compare the other way round: new on the left, old on the right</source>
        <translation>Umgekehrt vergleichen: neue Datei links, alte rechts</translation>
    </message>
    <message>
        <source>&amp;Previous Change</source>
        <translation>&amp;Vorherige Änderung</translation>
    </message>
    <message>
        <source>&amp;Next Change</source>
        <translation>&amp;Nächste Änderung</translation>
    </message>
    <message>
        <source>Ignore &amp;Order</source>
        <translation>&amp;Reihenfolge ignorieren</translation>
    </message>
    <message>
        <source>A change of order alone is no change: the tree leaves out moves and the text is shown with keys sorted</source>
        <translation>Eine reine Änderung der Reihenfolge gilt nicht als Änderung: Der Baum lässt Verschiebungen weg, und der Text wird mit sortierten Schlüsseln angezeigt</translation>
    </message>
    <message>
        <source>Ignore &amp;Whitespace</source>
        <translation>&amp;Leerraum ignorieren</translation>
    </message>
    <message>
        <source>The text comparison ignores spaces and tabs within lines</source>
        <translation>Der Textvergleich ignoriert Leerzeichen und Tabulatoren innerhalb von Zeilen</translation>
    </message>
    <message>
        <source>&amp;Changed Only</source>
        <translation>Nur Ä&amp;nderungen</translation>
    </message>
    <message>
        <source>The tree lists only what changed</source>
        <translation>Der Baum listet nur auf, was sich geändert hat</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Changes in VWO&apos;s terms</source>
        <translation>Änderungen im Sinne von VWO</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file</source>
        <translation>%1 ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 1 GiB</source>
        <translation>%1 ist größer als 1 GiB</translation>
    </message>
    <message>
        <source>Open the Old File</source>
        <translation>Alte Datei öffnen</translation>
    </message>
    <message>
        <source>Open the New File</source>
        <translation>Neue Datei öffnen</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open a corrected file with Open Old or Open New, or drop it here.</source>
        <translation>Öffnen Sie eine korrigierte Datei mit „Alte Datei öffnen“ bzw. „Neue Datei öffnen“ oder legen Sie sie hier ab.</translation>
    </message>
</context>
<context>
    <name>hookbench::EndpointDialog</name>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>One endpoint per VWO environment: give each its own URL in VWO, and its own webhook keys.</source>
        <translation>Ein Endpunkt pro VWO-Umgebung: Geben Sie jedem in VWO eine eigene URL und eigene Webhook-Schlüssel.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, e.g. staging. The name cannot be changed here later; use Rename.</source>
        <translation>Buchstaben, Ziffern, „.“, „_“ und „-“, z. B. staging. Der Name lässt sich hier später nicht ändern; verwenden Sie Umbenennen.</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>staging</translation>
    </message>
    <message>
        <source>Pa&amp;th:</source>
        <translation>Pfa&amp;d:</translation>
    </message>
    <message>
        <source>The path VWO posts to, starting with &apos;/&apos;.</source>
        <translation>Der Pfad, an den VWO sendet, beginnend mit „/“.</translation>
    </message>
    <message>
        <source>/vwo/staging</source>
        <translation>/vwo/staging</translation>
    </message>
    <message>
        <source>Own &amp;port:</source>
        <translation>Eigener &amp;Port:</translation>
    </message>
    <message>
        <source>Serve this endpoint on a port of its own instead of the receiver&apos;s.</source>
        <translation>Diesen Endpunkt auf einem eigenen Port bedienen statt auf dem des Empfängers.</translation>
    </message>
    <message>
        <source>Own port</source>
        <translation>Eigener Port</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <source>The endpoint&apos;s colour in the sidebar and the event log, as #rrggbb.</source>
        <translation>Die Farbe des Endpunkts in der Seitenleiste und im Ereignisprotokoll, als #rrggbb.</translation>
    </message>
    <message>
        <source>#rrggbb</source>
        <translation>#rrggbb</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere …</translation>
    </message>
    <message>
        <source>Pick any colour</source>
        <translation>Beliebige Farbe wählen</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>&amp;Override responses</source>
        <translation>Antworten ü&amp;berschreiben</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Override status</source>
        <translation>Status überschreiben</translation>
    </message>
    <message>
        <source>The HTTP status every webhook to this endpoint gets instead of the normal answer.</source>
        <translation>Der HTTP-Status, den jeder Webhook an diesen Endpunkt statt der normalen Antwort erhält.</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>&amp;Verzögerung:</translation>
    </message>
    <message>
        <source>No delay</source>
        <translation>Keine Verzögerung</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Inhalt:</translation>
    </message>
    <message>
        <source>Empty: the normal body</source>
        <translation>Leer: der normale Inhalt</translation>
    </message>
    <message>
        <source>&amp;Forward to your app</source>
        <translation>An Ihre App &amp;weiterleiten</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Every webhook this endpoint receives is passed on to this URL, e.g. your app on localhost.</source>
        <translation>Jeder Webhook, den dieser Endpunkt empfängt, wird an diese URL weitergegeben, z. B. an Ihre App auf localhost.</translation>
    </message>
    <message>
        <source>http://localhost:3000/vwo-webhook</source>
        <translation>http://localhost:3000/vwo-webhook</translation>
    </message>
    <message>
        <source>VWO gets:</source>
        <translation>VWO erhält:</translation>
    </message>
    <message>
        <source>Our &amp;answer, at once (the app&apos;s is only recorded)</source>
        <translation>Unsere &amp;Antwort, sofort (die der App wird nur aufgezeichnet)</translation>
    </message>
    <message>
        <source>The a&amp;pp&apos;s answer (502 when it cannot be reached)</source>
        <translation>Die Antwort der A&amp;pp (502, wenn sie nicht erreichbar ist)</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>New Endpoint</source>
        <translation>Neuer Endpunkt</translation>
    </message>
    <message>
        <source>Edit Endpoint</source>
        <translation>Endpunkt bearbeiten</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Colour %1</source>
        <translation>Farbe %1</translation>
    </message>
    <message>
        <source>Endpoint Colour</source>
        <translation>Farbe des Endpunkts</translation>
    </message>
    <message>
        <source>An endpoint named %1 exists already.</source>
        <translation>Es gibt bereits einen Endpunkt namens %1.</translation>
    </message>
    <message>
        <source>Port %1 is the receiver&apos;s own port: clear Own port to serve it there.</source>
        <translation>Port %1 ist der eigene Port des Empfängers: Leeren Sie „Eigener Port“, um den Endpunkt dort zu bedienen.</translation>
    </message>
    <message>
        <source>this endpoint</source>
        <translation>dieser Endpunkt</translation>
    </message>
    <message>
        <source>Enter the URL of your app, for example http://localhost:3000/vwo-webhook.</source>
        <translation>Geben Sie die URL Ihrer App ein, zum Beispiel http://localhost:3000/vwo-webhook.</translation>
    </message>
    <message>
        <source>(incomplete)</source>
        <translation>(unvollständig)</translation>
    </message>
    <message>
        <source>%1 on port %2</source>
        <translation>%1 auf Port %2</translation>
    </message>
    <message>
        <source>%1 on the receiver&apos;s port</source>
        <translation>%1 auf dem Port des Empfängers</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>hookbench::EndpointListModel</name>
    <message>
        <source>%1 on port %2</source>
        <comment>endpoint path on its own port</comment>
        <translation>%1 auf Port %2</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <comment>time since the last request</comment>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <comment>time since the last request</comment>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <comment>time since the last request</comment>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 Anfrage</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
    <message>
        <source>no requests yet</source>
        <translation>noch keine Anfragen</translation>
    </message>
    <message>
        <source>All endpoints</source>
        <translation>Alle Endpunkte</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <comment>endpoint: location, request count</comment>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>%1: %2, %3, last %4</source>
        <comment>endpoint: location, request count, last request</comment>
        <translation>%1: %2, %3, zuletzt %4</translation>
    </message>
    <message>
        <source>1 endpoint</source>
        <translation>1 Endpunkt</translation>
    </message>
    <message>
        <source>%1 endpoints</source>
        <translation>%1 Endpunkte</translation>
    </message>
</context>
<context>
    <name>hookbench::EndpointSidebar</name>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Choose an endpoint to show only its requests, or All endpoints to show every one</source>
        <translation>Wählen Sie einen Endpunkt, um nur seine Anfragen zu zeigen, oder „Alle Endpunkte“, um alle zu zeigen</translation>
    </message>
</context>
<context>
    <name>hookbench::EventDetailBodyView</name>
    <message>
        <source>No body</source>
        <translation>Kein Inhalt</translation>
    </message>
    <message>
        <source>Body as formatted JSON</source>
        <translation>Inhalt als formatiertes JSON</translation>
    </message>
    <message>
        <source>Body as text</source>
        <translation>Inhalt als Text</translation>
    </message>
    <message>
        <source>Body as hexadecimal dump</source>
        <translation>Inhalt als Hex-Dump</translation>
    </message>
    <message>
        <source>Body views</source>
        <translation>Ansichten des Inhalts</translation>
    </message>
    <message>
        <source>Body as a JSON tree</source>
        <translation>Inhalt als JSON-Baum</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>Formatiert</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Only the first %1 values are shown here; the Pretty view has them all.</source>
        <translation>Hier sind nur die ersten %1 Werte zu sehen; die Ansicht „Formatiert“ enthält alle.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 bytes.</source>
        <translation>Die ersten %1 von %2 Bytes werden angezeigt.</translation>
    </message>
</context>
<context>
    <name>hookbench::EventDetailView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>No request selected</source>
        <translation>Keine Anfrage ausgewählt</translation>
    </message>
    <message>
        <source>Select a request to see its details.</source>
        <translation>Wählen Sie eine Anfrage aus, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Reveal Secrets</source>
        <translation>&amp;Geheimnisse zeigen</translation>
    </message>
    <message>
        <source>Show the x-vwo-auth key in Headers and in &quot;Copy as curl&quot;</source>
        <translation>Den Schlüssel aus x-vwo-auth unter „Header“ und in „Als curl kopieren“ zeigen</translation>
    </message>
    <message>
        <source>Reveal secrets</source>
        <translation>Geheimnisse zeigen</translation>
    </message>
    <message>
        <source>Copy &amp;Body</source>
        <translation>Inhalt &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the request body exactly as it was received</source>
        <translation>Den Inhalt der Anfrage genau so kopieren, wie er empfangen wurde</translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation>Als c&amp;url kopieren</translation>
    </message>
    <message>
        <source>Copy a curl command that sends this request again. Unless secrets are revealed, it reads the key from $VWO_AUTH.</source>
        <translation>Einen curl-Befehl kopieren, der diese Anfrage erneut sendet. Solange Geheimnisse verborgen sind, liest er den Schlüssel aus $VWO_AUTH.</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Details der Anfrage</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>&amp;Header</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>&amp;Abfrage</translation>
    </message>
    <message>
        <source>Bo&amp;dy</source>
        <translation>&amp;Inhalt</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Anfrage:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Empfangen:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Handling time:</source>
        <translation>Bearbeitungszeit:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentifizierung:</translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation>Nutzdaten:</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Header der Anfrage</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>Abfrageparameter</translation>
    </message>
    <message>
        <source>No query parameters</source>
        <translation>Keine Abfrageparameter</translation>
    </message>
    <message>
        <source>body: %1</source>
        <translation>Inhalt: %1</translation>
    </message>
    <message>
        <source>Hidden: use &quot;Reveal Secrets&quot; to show it</source>
        <translation>Verborgen: mit „Geheimnisse zeigen“ anzeigen</translation>
    </message>
    <message>
        <source>Copied a curl command including the x-vwo-auth key</source>
        <translation>curl-Befehl mit dem Schlüssel aus x-vwo-auth kopiert</translation>
    </message>
    <message>
        <source>Copied a curl command; it reads the key from $VWO_AUTH</source>
        <translation>curl-Befehl kopiert; er liest den Schlüssel aus $VWO_AUTH</translation>
    </message>
    <message>
        <source>Copied the body (%1)</source>
        <translation>Inhalt kopiert (%1)</translation>
    </message>
    <message>
        <source>Delivery:</source>
        <translation>Zustellung:</translation>
    </message>
    <message>
        <source>Attempt %1 of %2: VWO sent this webhook again after it</source>
        <translation>Versuch %1 von %2: VWO hat diesen Webhook danach erneut gesendet</translation>
    </message>
    <message>
        <source>Attempt %1 of %2, the one that was accepted</source>
        <translation>Versuch %1 von %2, der angenommen wurde</translation>
    </message>
    <message>
        <source>Attempt %1 of %2, the latest: VWO retries every 1-2 s for an hour until it gets 200</source>
        <translation>Versuch %1 von %2, der bisher letzte: VWO versucht es eine Stunde lang alle 1-2 s erneut, bis es 200 erhält</translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation>Einstellungsdatei:</translation>
    </message>
    <message>
        <source>reading key %1 from the key ring…</source>
        <translation>Schlüssel %1 wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>Only the key&apos;s fingerprint was stored, and the key ring cannot give its value: %1</source>
        <translation>Nur der Fingerabdruck des Schlüssels wurde gespeichert, und der Schlüsselbund kann seinen Wert nicht liefern: %1</translation>
    </message>
    <message>
        <source>The receiver stored only this fingerprint: the value did not match any key, and was not kept</source>
        <translation>Der Empfänger hat nur diesen Fingerabdruck gespeichert: Der Wert passte zu keinem Schlüssel und wurde nicht aufbewahrt</translation>
    </message>
    <message>
        <source>A&amp;pp&apos;s Answer</source>
        <translation>Antwort der A&amp;pp</translation>
    </message>
    <message>
        <source>The app&apos;s answer</source>
        <translation>Die Antwort der App</translation>
    </message>
    <message>
        <source>Forwarded:</source>
        <translation>Weitergeleitet:</translation>
    </message>
</context>
<context>
    <name>hookbench::EventExporter</name>
    <message>
        <source>There is no event database at %1</source>
        <translation>Unter %1 gibt es keine Ereignisdatenbank</translation>
    </message>
    <message>
        <source>Cannot read the event database %1: %2</source>
        <translation>Die Ereignisdatenbank %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Es kann nicht nach %1 exportiert werden: %2</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>es wurde kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>it is a directory</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <source>the filter is invalid: %1</source>
        <translation>der Filter ist ungültig: %1</translation>
    </message>
</context>
<context>
    <name>hookbench::EventForwardView</name>
    <message>
        <source>The app&apos;s answer body</source>
        <translation>Inhalt der Antwort der App</translation>
    </message>
    <message>
        <source>Forwarding outcome</source>
        <translation>Ergebnis der Weiterleitung</translation>
    </message>
    <message>
        <source>The app&apos;s answer headers</source>
        <translation>Header der Antwort der App</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>VWO gets the app&apos;s answer (502 when the app cannot be reached).</source>
        <translation>VWO erhält die Antwort der App (502, wenn die App nicht erreichbar ist).</translation>
    </message>
    <message>
        <source>VWO gets Hookbench&apos;s own answer; the app&apos;s is only shown here.</source>
        <translation>VWO erhält die eigene Antwort von Hookbench; die der App wird nur hier gezeigt.</translation>
    </message>
    <message>
        <source>The answer has no body.</source>
        <translation>Die Antwort hat keinen Inhalt.</translation>
    </message>
    <message>
        <source>Only the first %1 of the answer were kept.</source>
        <translation>Nur die ersten %1 der Antwort wurden aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>hookbench::EventLogReader</name>
    <message>
        <source>Cannot read the event database %1: %2</source>
        <translation>Die Ereignisdatenbank %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Reading the event log failed: %1</source>
        <translation>Das Lesen des Ereignisprotokolls ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>hookbench::EventStore</name>
    <message>
        <source>No event database file was given</source>
        <translation>Es wurde keine Datei für die Ereignisdatenbank angegeben</translation>
    </message>
    <message>
        <source>%1 is a directory, not an event database</source>
        <translation>%1 ist ein Ordner, keine Ereignisdatenbank</translation>
    </message>
    <message>
        <source>Cannot create the event database %1: the folder %2 cannot be created</source>
        <translation>Die Ereignisdatenbank %1 kann nicht erstellt werden: Der Ordner %2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot create the event database %1: %2</source>
        <translation>Die Ereignisdatenbank %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (journal mode is %2)</source>
        <translation>%1 kann kein Write-Ahead-Logging verwenden (Journalmodus ist %2)</translation>
    </message>
    <message>
        <source>%1 was written by a newer Hookbench (schema %2); this version reads schema %3 and older</source>
        <translation>%1 wurde von einer neueren Hookbench-Version geschrieben (Schema %2); diese Version liest Schema %3 und älter</translation>
    </message>
    <message>
        <source>%1 is not a Hookbench database: it already holds other tables</source>
        <translation>%1 ist keine Hookbench-Datenbank: Sie enthält bereits andere Tabellen</translation>
    </message>
    <message>
        <source>Cannot upgrade %1 from schema %2 to %3: %4</source>
        <translation>%1 kann nicht von Schema %2 auf %3 aktualisiert werden: %4</translation>
    </message>
    <message numerus="yes">
        <source>Could not store %n event(s): %1</source>
        <translation>
            <numerusform>%n Ereignis konnte nicht gespeichert werden: %1</numerusform>
            <numerusform>%n Ereignisse konnten nicht gespeichert werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>the event store is not open</source>
        <translation>die Ereignisdatenbank ist nicht geöffnet</translation>
    </message>
    <message>
        <source>%1 is not a Hookbench database or is corrupt: %2</source>
        <translation>%1 ist keine Hookbench-Datenbank oder ist beschädigt: %2</translation>
    </message>
    <message>
        <source>%1 is locked by another process (gave up after %2 ms)</source>
        <translation>%1 ist von einem anderen Prozess gesperrt (nach %2 ms aufgegeben)</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is read-only: %2</source>
        <translation>%1 ist schreibgeschützt: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Could not delete %n event(s): the event store is not open</source>
        <translation>
            <numerusform>%n Ereignis konnte nicht gelöscht werden: Die Ereignisdatenbank ist nicht geöffnet</numerusform>
            <numerusform>%n Ereignisse konnten nicht gelöscht werden: Die Ereignisdatenbank ist nicht geöffnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not delete %n event(s): %1</source>
        <translation>
            <numerusform>%n Ereignis konnte nicht gelöscht werden: %1</numerusform>
            <numerusform>%n Ereignisse konnten nicht gelöscht werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not clear the event log: the event store is not open</source>
        <translation>Das Ereignisprotokoll konnte nicht geleert werden: Die Ereignisdatenbank ist nicht geöffnet</translation>
    </message>
    <message>
        <source>Could not clear the event log: %1</source>
        <translation>Das Ereignisprotokoll konnte nicht geleert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not star %n event(s): %1</source>
        <translation>
            <numerusform>%n Ereignis konnte nicht mit Stern markiert werden: %1</numerusform>
            <numerusform>%n Ereignisse konnten nicht mit Stern markiert werden: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not unstar %n event(s): %1</source>
        <translation>
            <numerusform>Der Stern konnte von %n Ereignis nicht entfernt werden: %1</numerusform>
            <numerusform>Der Stern konnte von %n Ereignissen nicht entfernt werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not record the forwarded answer of event %1: %2</source>
        <translation>Die Antwort auf die Weiterleitung von Ereignis %1 konnte nicht aufgezeichnet werden: %2</translation>
    </message>
    <message>
        <source>Could not close forwards left pending: %1</source>
        <translation>Offen gebliebene Weiterleitungen konnten nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>%1 is full (no room left on the disk, or the database reached its size cap): %2</source>
        <translation>%1 ist voll (kein Platz mehr auf dem Datenträger, oder die Datenbank hat ihre Größenobergrenze erreicht): %2</translation>
    </message>
</context>
<context>
    <name>hookbench::EventTableView</name>
    <message>
        <source>Show new requests</source>
        <translation>Neue Anfragen anzeigen</translation>
    </message>
    <message>
        <source>Scroll to the newest request and follow new ones again</source>
        <translation>Zur neuesten Anfrage springen und neuen Anfragen wieder folgen</translation>
    </message>
    <message numerus="yes">
        <source>Paused — %n new</source>
        <translation>
            <numerusform>Angehalten — %n neue</numerusform>
            <numerusform>Angehalten — %n neue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hookbench::ExportDialog</name>
    <message>
        <source>Export Events</source>
        <translation>Ereignisse exportieren</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Selected (%Ln)</source>
        <translation>
            <numerusform>&amp;Ausgewählt (%Ln)</numerusform>
            <numerusform>&amp;Ausgewählt (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Filtered (%1)</source>
        <translation>&amp;Gefiltert (%1)</translation>
    </message>
    <message>
        <source>&amp;All (%1)</source>
        <translation>&amp;Alle (%1)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;JSON Lines (one event per line)</source>
        <translation>&amp;JSON Lines (ein Ereignis pro Zeile)</translation>
    </message>
    <message>
        <source>&amp;HAR 1.2 (browser developer tools, HTTP tools)</source>
        <translation>&amp;HAR 1.2 (Browser-Entwicklerwerkzeuge, HTTP-Werkzeuge)</translation>
    </message>
    <message>
        <source>&amp;Reveal webhook keys (x-vwo-auth)</source>
        <translation>Webhook-Schlüssel &amp;offenlegen (x-vwo-auth)</translation>
    </message>
    <message>
        <source>Warning: the file will contain your webhook keys in plain text. Do not share it.</source>
        <translation>Warnung: Die Datei enthält Ihre Webhook-Schlüssel im Klartext. Geben Sie sie nicht weiter.</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>HAR files (*.har);;All files (*)</source>
        <translation>HAR-Dateien (*.har);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl);;All files (*)</source>
        <translation>JSON-Lines-Dateien (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exporting events to %1...</source>
        <translation>Ereignisse werden nach %1 exportiert …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln event(s) to %1.</source>
        <translation>
            <numerusform>%Ln Ereignis nach %1 exportiert.</numerusform>
            <numerusform>%Ln Ereignisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Der Export wurde abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Es läuft bereits ein Export.</translation>
    </message>
</context>
<context>
    <name>hookbench::FilterBar</name>
    <message>
        <source>HTTP status: 401, 4xx, 400-499, &gt;=500</source>
        <translation>HTTP-Status: 401, 4xx, 400-499, &gt;=500</translation>
    </message>
    <message>
        <source>HTTP method: POST</source>
        <translation>HTTP-Methode: POST</translation>
    </message>
    <message>
        <source>request path, * wildcard: /vwo*</source>
        <translation>Anfragepfad, * als Platzhalter: /vwo*</translation>
    </message>
    <message>
        <source>query string, * wildcard</source>
        <translation>Query-String, * als Platzhalter</translation>
    </message>
    <message>
        <source>signature check: ok, failed, missing, not_required</source>
        <translation>Signaturprüfung: ok, failed, missing, not_required</translation>
    </message>
    <message>
        <source>payload is valid: true, false</source>
        <translation>Nutzdaten gültig: true, false</translation>
    </message>
    <message>
        <source>text in the body: &quot;campaign&quot;</source>
        <translation>Text im Body: &quot;campaign&quot;</translation>
    </message>
    <message>
        <source>header present or name=value glob</source>
        <translation>Header vorhanden oder Muster name=wert</translation>
    </message>
    <message>
        <source>client address, * wildcard</source>
        <translation>Client-Adresse, * als Platzhalter</translation>
    </message>
    <message>
        <source>receiving endpoint</source>
        <translation>empfangender Endpunkt</translation>
    </message>
    <message>
        <source>received within: 30s, 10m, 2h, 3d</source>
        <translation>empfangen innerhalb von: 30s, 10m, 2h, 3d</translation>
    </message>
    <message>
        <source>received before a duration or date</source>
        <translation>empfangen vor einer Dauer oder einem Datum</translation>
    </message>
    <message>
        <source>event id: 42, 10-20, &gt;100</source>
        <translation>Ereignis-ID: 42, 10-20, &gt;100</translation>
    </message>
    <message>
        <source>body size in bytes: &gt;10K, 100-2K</source>
        <translation>Body-Größe in Bytes: &gt;10K, 100-2K</translation>
    </message>
    <message>
        <source>signing key name</source>
        <translation>Name des Signaturschlüssels</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
    <message>
        <source>counting… %1</source>
        <translation>zähle … %1</translation>
    </message>
    <message>
        <source>Valid filter</source>
        <translation>Gültiger Filter</translation>
    </message>
    <message>
        <source>No recent filters</source>
        <translation>Keine zuletzt verwendeten Filter</translation>
    </message>
    <message>
        <source>Clear Recent Filters</source>
        <translation>Zuletzt verwendete Filter löschen</translation>
    </message>
    <message>
        <source>Filter: status:401 auth:failed path:/vwo* since:10m  (Ctrl+F)</source>
        <translation>Filter: status:401 auth:failed path:/vwo* since:10m  (Strg+F)</translation>
    </message>
    <message>
        <source>Event filter</source>
        <translation>Ereignisfilter</translation>
    </message>
    <message>
        <source>Type &lt;b&gt;field:value&lt;/b&gt; terms; adjacent terms must all match. Combine with &lt;b&gt;AND&lt;/b&gt;, &lt;b&gt;OR&lt;/b&gt;, &lt;b&gt;NOT&lt;/b&gt; (or &lt;b&gt;-term&lt;/b&gt;) and parentheses; a bare word searches the path and body. Press Enter to apply.</source>
        <translation>Geben Sie Begriffe als &lt;b&gt;feld:wert&lt;/b&gt; ein; nebeneinander stehende Begriffe müssen alle zutreffen. Verknüpfen Sie sie mit &lt;b&gt;AND&lt;/b&gt;, &lt;b&gt;OR&lt;/b&gt;, &lt;b&gt;NOT&lt;/b&gt; (oder &lt;b&gt;-begriff&lt;/b&gt;) und Klammern; ein einzelnes Wort durchsucht Pfad und Body. Mit der Eingabetaste anwenden.</translation>
    </message>
    <message>
        <source>Click for examples.</source>
        <translation>Klicken für Beispiele.</translation>
    </message>
    <message>
        <source>Filter syntax help</source>
        <translation>Hilfe zur Filtersyntax</translation>
    </message>
    <message>
        <source>Filter Examples</source>
        <translation>Filterbeispiele</translation>
    </message>
    <message>
        <source>Recent filters (Down arrow in the filter field)</source>
        <translation>Zuletzt verwendete Filter (Pfeil nach unten im Filterfeld)</translation>
    </message>
    <message>
        <source>Recent filters</source>
        <translation>Zuletzt verwendete Filter</translation>
    </message>
    <message>
        <source>Match count</source>
        <translation>Anzahl der Treffer</translation>
    </message>
    <message>
        <source>Stop counting matches</source>
        <translation>Zählen der Treffer abbrechen</translation>
    </message>
    <message>
        <source>Stop counting</source>
        <translation>Zählen abbrechen</translation>
    </message>
    <message>
        <source>Filter error</source>
        <translation>Filterfehler</translation>
    </message>
    <message>
        <source>counting… %1 (%2%)</source>
        <translation>zähle … %1 (%2 %)</translation>
    </message>
    <message>
        <source>Stop counting to keep the rows found so far</source>
        <translation>Das Zählen abbrechen und die bisher gefundenen Zeilen behalten</translation>
    </message>
    <message>
        <source>%1+ matches in the newest %2%</source>
        <comment>count stopped by the user</comment>
        <translation>%1+ Treffer in den neuesten %2 %</translation>
    </message>
    <message>
        <source>Counting was stopped; apply the filter again to count them all</source>
        <translation>Das Zählen wurde abgebrochen; wenden Sie den Filter erneut an, um alle zu zählen</translation>
    </message>
    <message>
        <source>starred requests, or VWO&apos;s retries of a webhook: starred, retry</source>
        <translation>mit Stern markierte Anfragen oder Wiederholungen eines Webhooks durch VWO: starred, retry</translation>
    </message>
</context>
<context>
    <name>hookbench::HeaderEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Re&amp;veal secrets</source>
        <translation>&amp;Geheimnisse zeigen</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Header der Anfrage</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Remove Header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <source>Add a header</source>
        <translation>Einen Header hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected headers (Delete)</source>
        <translation>Die ausgewählten Header entfernen (Entf)</translation>
    </message>
    <message>
        <source>Show the x-vwo-auth key instead of a mask</source>
        <translation>Den Schlüssel aus x-vwo-auth im Klartext statt maskiert zeigen</translation>
    </message>
    <message>
        <source>Hidden: check &quot;Reveal secrets&quot; to show it. You can still edit it.</source>
        <translation>Verborgen: Aktivieren Sie „Geheimnisse zeigen“, um den Wert anzuzeigen. Bearbeiten lässt er sich trotzdem.</translation>
    </message>
</context>
<context>
    <name>hookbench::ImportKeyDialog</name>
    <message>
        <source>&amp;Show key</source>
        <translation>Schlüssel an&amp;zeigen</translation>
    </message>
    <message>
        <source>Import Key</source>
        <translation>Schlüssel importieren</translation>
    </message>
    <message>
        <source>Paste the webhook&apos;s authentication key from the VWO app.</source>
        <translation>Fügen Sie den Authentifizierungsschlüssel des Webhooks aus der VWO-App ein.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Optional, e.g. “production”</source>
        <translation>Optional, z. B. „Produktion“</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>The imported key replaces key %1 as the primary key. Requests signed with %1 stay accepted for the grace period.</source>
        <translation>Der importierte Schlüssel ersetzt Schlüssel %1 als primären Schlüssel. Mit %1 signierte Anfragen werden während der Übergangsfrist weiterhin angenommen.</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>Übergangs&amp;frist:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>16 to 256 printable ASCII characters, no spaces.</source>
        <translation>16 bis 256 druckbare ASCII-Zeichen, keine Leerzeichen.</translation>
    </message>
    <message>
        <source>The key can be imported.</source>
        <translation>Der Schlüssel kann importiert werden.</translation>
    </message>
</context>
<context>
    <name>hookbench::InlineMessage</name>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>hookbench::KeyAuditModel</name>
    <message>
        <source>Cannot read the key audit trail: %1</source>
        <translation>Das Prüfprotokoll der Schlüssel kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1, labelled “%2”</source>
        <comment>audit: action, label</comment>
        <translation>%1, Bezeichnung „%2“</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>erzeugt</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>rotated: replaced by %1</source>
        <translation>rotiert: ersetzt durch %1</translation>
    </message>
    <message>
        <source>%1, refused at once</source>
        <translation>%1, sofort abgewiesen</translation>
    </message>
    <message>
        <source>%1, accepted until %2</source>
        <translation>%1, angenommen bis %2</translation>
    </message>
    <message>
        <source>revoked: requests signed with it are refused</source>
        <translation>widerrufen: damit signierte Anfragen werden abgewiesen</translation>
    </message>
    <message>
        <source>secret revealed</source>
        <translation>Geheimnis angezeigt</translation>
    </message>
    <message>
        <source>secret copied to the clipboard</source>
        <translation>Geheimnis in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <source>grace period ended early: requests signed with it are refused</source>
        <translation>Übergangsfrist vorzeitig beendet: damit signierte Anfragen werden abgewiesen</translation>
    </message>
    <message>
        <source>label removed</source>
        <translation>Bezeichnung entfernt</translation>
    </message>
    <message>
        <source>label changed to “%1”</source>
        <translation>Bezeichnung in „%1“ geändert</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>hookbench::KeysEmptyState</name>
    <message>
        <source>&amp;Generate Key</source>
        <translation>Schlüssel &amp;erzeugen</translation>
    </message>
    <message>
        <source>&amp;Import Key…</source>
        <translation>Schlüssel &amp;importieren …</translation>
    </message>
    <message>
        <source>No keys: any request is accepted</source>
        <translation>Keine Schlüssel: Jede Anfrage wird angenommen</translation>
    </message>
    <message>
        <source>Without a key, authentication is not required: this endpoint accepts every request, whoever sends it. Generate a key and enter it in the VWO app&apos;s webhook settings, or import the key VWO shows you. From then on, requests without the key are refused.</source>
        <translation>Ohne Schlüssel ist keine Authentifizierung erforderlich: Dieser Endpunkt nimmt jede Anfrage an, ganz gleich, wer sie sendet. Erzeugen Sie einen Schlüssel und tragen Sie ihn in den Webhook-Einstellungen der VWO-App ein, oder importieren Sie den Schlüssel, den VWO Ihnen anzeigt. Ab dann werden Anfragen ohne den Schlüssel abgewiesen.</translation>
    </message>
</context>
<context>
    <name>hookbench::KeysModel</name>
    <message>
        <source>%1 s left</source>
        <comment>grace period remaining</comment>
        <translation>noch %1 s</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <comment>grace period remaining</comment>
        <translation>noch %1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <comment>grace period remaining</comment>
        <translation>noch %1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h left</source>
        <comment>grace period remaining</comment>
        <translation>noch %1 d %2 h</translation>
    </message>
    <message>
        <source>Primary</source>
        <comment>key state</comment>
        <translation>Primär</translation>
    </message>
    <message>
        <source>In grace · %1</source>
        <comment>key state; %1 is e.g. &quot;42 min left&quot;</comment>
        <translation>In Übergangsfrist · %1</translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>key state: its grace period is over</comment>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <comment>key state</comment>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Requests signed with this key are accepted.</source>
        <translation>Mit diesem Schlüssel signierte Anfragen werden angenommen.</translation>
    </message>
    <message>
        <source>Still accepted until %1, so that VWO&apos;s retries of webhooks signed with it pass; refused after that.</source>
        <translation>Wird noch bis %1 angenommen, damit Wiederholungen damit signierter Webhooks durch VWO durchkommen; danach abgewiesen.</translation>
    </message>
    <message>
        <source>Its grace period ended at %1: requests signed with it are refused.</source>
        <translation>Seine Übergangsfrist endete am %1: Damit signierte Anfragen werden abgewiesen.</translation>
    </message>
    <message>
        <source>Revoked at %1: requests signed with it are refused.</source>
        <translation>Widerrufen am %1: Damit signierte Anfragen werden abgewiesen.</translation>
    </message>
    <message>
        <source>never</source>
        <comment>key last used</comment>
        <translation>nie</translation>
    </message>
    <message>
        <source>A fingerprint of the key (never the key itself)</source>
        <translation>Ein Fingerabdruck des Schlüssels (niemals der Schlüssel selbst)</translation>
    </message>
    <message>
        <source>Double-click to rename</source>
        <translation>Zum Umbenennen doppelklicken</translation>
    </message>
    <message>
        <source>%1 key, created %2</source>
        <translation>%1 Schlüssel, erstellt am %2</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importierter</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erzeugter</translation>
    </message>
    <message>
        <source>Cannot rename key %1: %2</source>
        <translation>Schlüssel %1 kann nicht umbenannt werden: %2</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Id</source>
        <comment>key fingerprint column</comment>
        <translation>ID</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Uses</source>
        <comment>column: requests that matched the key</comment>
        <translation>Verwendungen</translation>
    </message>
</context>
<context>
    <name>hookbench::KeysPanel</name>
    <message>
        <source>Webhook Keys</source>
        <translation>Webhook-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>E&amp;rneut versuchen</translation>
    </message>
    <message>
        <source>No key of this endpoint is accepted, so every request is refused. Generate or import a new key.</source>
        <translation>Kein Schlüssel dieses Endpunkts wird angenommen, daher wird jede Anfrage abgewiesen. Erzeugen oder importieren Sie einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>R&amp;otieren …</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen …</translation>
    </message>
    <message>
        <source>&amp;End Grace Now</source>
        <translation>Übergangsfrist &amp;beenden</translation>
    </message>
    <message>
        <source>Replace the primary key with a new one; the old one stays accepted for a grace period</source>
        <translation>Den primären Schlüssel durch einen neuen ersetzen; der alte wird während einer Übergangsfrist weiterhin angenommen</translation>
    </message>
    <message>
        <source>Refuse requests signed with the selected key from now on</source>
        <translation>Mit dem ausgewählten Schlüssel signierte Anfragen ab sofort abweisen</translation>
    </message>
    <message>
        <source>Refuse requests signed with the selected key now instead of when its grace ends</source>
        <translation>Mit dem ausgewählten Schlüssel signierte Anfragen sofort abweisen statt erst am Ende seiner Übergangsfrist</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Secret of the selected key</source>
        <translation>Geheimnis des ausgewählten Schlüssels</translation>
    </message>
    <message>
        <source>Re&amp;veal</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Show the key for a while; recorded in the audit trail</source>
        <translation>Den Schlüssel für kurze Zeit anzeigen; wird im Prüfprotokoll vermerkt</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Hide (%n s)</source>
        <translation>
            <numerusform>&amp;Verbergen (%n s)</numerusform>
            <numerusform>&amp;Verbergen (%n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the key to the clipboard, which is cleared again after 30 s; recorded in the audit trail</source>
        <translation>Den Schlüssel in die Zwischenablage kopieren, die nach 30 s wieder geleert wird; wird im Prüfprotokoll vermerkt</translation>
    </message>
    <message>
        <source>This endpoint has a primary key: rotate to replace it</source>
        <translation>Dieser Endpunkt hat bereits einen primären Schlüssel: Rotieren Sie ihn, um ihn zu ersetzen</translation>
    </message>
    <message>
        <source>Generate a random 256-bit key</source>
        <translation>Einen zufälligen 256-Bit-Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Replace the primary key with a key from the VWO app (a rotation)</source>
        <translation>Den primären Schlüssel durch einen Schlüssel aus der VWO-App ersetzen (eine Rotation)</translation>
    </message>
    <message>
        <source>Use a key from the VWO app</source>
        <translation>Einen Schlüssel aus der VWO-App verwenden</translation>
    </message>
    <message>
        <source>Key %1:</source>
        <translation>Schlüssel %1:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>Removed when the key was revoked</source>
        <translation>Beim Widerrufen des Schlüssels entfernt</translation>
    </message>
    <message numerus="yes">
        <source>Hidden; Reveal shows it for %n s</source>
        <translation>
            <numerusform>Verborgen; „Anzeigen“ zeigt ihn %n s lang</numerusform>
            <numerusform>Verborgen; „Anzeigen“ zeigt ihn %n s lang</numerusform>
        </translation>
    </message>
    <message>
        <source>Keys are stored in a file only you can read, %1, because %2. The system keychain would keep them safer.</source>
        <translation>Die Schlüssel werden in einer Datei gespeichert, die nur Sie lesen können: %1. Grund: %2. Im Schlüsselbund des Systems wären sie sicherer aufbewahrt.</translation>
    </message>
    <message>
        <source>key %1: %2</source>
        <translation>Schlüssel %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The secret of %n key(s) cannot be read, so requests signed with it are refused (%1).</source>
        <translation>
            <numerusform>Das Geheimnis von %n Schlüssel kann nicht gelesen werden, daher werden damit signierte Anfragen abgewiesen (%1).</numerusform>
            <numerusform>Die Geheimnisse von %n Schlüsseln können nicht gelesen werden, daher werden damit signierte Anfragen abgewiesen (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>The previous key, %1, stays accepted until %2.</source>
        <translation>Der bisherige Schlüssel %1 wird noch bis %2 angenommen.</translation>
    </message>
    <message>
        <source>The previous key, %1, is refused from now on.</source>
        <translation>Der bisherige Schlüssel %1 wird ab sofort abgewiesen.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Wird erzeugt …</translation>
    </message>
    <message>
        <source>Could not generate a key.</source>
        <translation>Es konnte kein Schlüssel erzeugt werden.</translation>
    </message>
    <message>
        <source>Rotating…</source>
        <translation>Wird rotiert …</translation>
    </message>
    <message>
        <source>Could not rotate the key.</source>
        <translation>Der Schlüssel konnte nicht rotiert werden.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert …</translation>
    </message>
    <message>
        <source>Could not import the key.</source>
        <translation>Der Schlüssel konnte nicht importiert werden.</translation>
    </message>
    <message>
        <source>Key %1 is imported and is now the primary key.</source>
        <translation>Schlüssel %1 wurde importiert und ist jetzt der primäre Schlüssel.</translation>
    </message>
    <message>
        <source>Revoke key %1?</source>
        <translation>Schlüssel %1 widerrufen?</translation>
    </message>
    <message>
        <source>Requests signed with it are refused at once, and its secret is deleted. This cannot be undone.</source>
        <translation>Damit signierte Anfragen werden sofort abgewiesen, und sein Geheimnis wird gelöscht. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>It is the endpoint&apos;s last accepted key: every request is refused until you generate or import a new one.</source>
        <translation>Es ist der letzte angenommene Schlüssel des Endpunkts: Jede Anfrage wird abgewiesen, bis Sie einen neuen erzeugen oder importieren.</translation>
    </message>
    <message>
        <source>Revoke Key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Wird widerrufen …</translation>
    </message>
    <message>
        <source>Could not revoke key %1.</source>
        <translation>Schlüssel %1 konnte nicht widerrufen werden.</translation>
    </message>
    <message>
        <source>Key %1 is revoked: requests signed with it are refused.</source>
        <translation>Schlüssel %1 ist widerrufen: Damit signierte Anfragen werden abgewiesen.</translation>
    </message>
    <message>
        <source>Ending the grace period…</source>
        <translation>Übergangsfrist wird beendet …</translation>
    </message>
    <message>
        <source>Could not end the grace period of key %1.</source>
        <translation>Die Übergangsfrist von Schlüssel %1 konnte nicht beendet werden.</translation>
    </message>
    <message>
        <source>Key %1 is refused from now on.</source>
        <translation>Schlüssel %1 wird ab sofort abgewiesen.</translation>
    </message>
    <message>
        <source>Reading the key…</source>
        <translation>Schlüssel wird gelesen …</translation>
    </message>
    <message>
        <source>Could not reveal key %1.</source>
        <translation>Schlüssel %1 konnte nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Wird kopiert …</translation>
    </message>
    <message>
        <source>Could not copy key %1.</source>
        <translation>Schlüssel %1 konnte nicht kopiert werden.</translation>
    </message>
    <message numerus="yes">
        <source>Key %1 is on the clipboard; it is cleared in %n s unless you copy something else.</source>
        <translation>
            <numerusform>Schlüssel %1 ist in der Zwischenablage; sie wird in %n s geleert, sofern Sie nichts anderes kopieren.</numerusform>
            <numerusform>Schlüssel %1 ist in der Zwischenablage; sie wird in %n s geleert, sofern Sie nichts anderes kopieren.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hookbench::MainWindow</name>
    <message>
        <source>Hookbench</source>
        <translation>Hookbench</translation>
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
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>R&amp;equest</source>
        <translation>A&amp;nfrage</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtern …</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Als &amp;curl kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Body</source>
        <translation>&amp;Inhalt kopieren</translation>
    </message>
    <message>
        <source>Go to &amp;Newest</source>
        <translation>Zur &amp;neuesten Anfrage</translation>
    </message>
    <message>
        <source>&amp;Delete Selected</source>
        <translation>Auswahl &amp;löschen</translation>
    </message>
    <message>
        <source>C&amp;lear All…</source>
        <translation>Alle &amp;entfernen …</translation>
    </message>
    <message>
        <source>Clear All Requests</source>
        <translation>Alle Anfragen entfernen</translation>
    </message>
    <message>
        <source>Delete every stored request from the event log? This cannot be undone.</source>
        <translation>Alle gespeicherten Anfragen aus dem Ereignisprotokoll löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Turn Off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>S&amp;top Receiver</source>
        <translation>Empfänger &amp;stoppen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>S&amp;tart Receiver</source>
        <translation>Empfänger &amp;starten</translation>
    </message>
    <message>
        <source>That request is not in the list: the filter hides it, or it was deleted.</source>
        <translation>Diese Anfrage steht nicht in der Liste: Der Filter blendet sie aus, oder sie wurde gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Replay to Receiver…</source>
        <translation>An Empfänger &amp;wiederholen …</translation>
    </message>
    <message>
        <source>Re&amp;send to URL…</source>
        <translation>An &amp;URL erneut senden …</translation>
    </message>
    <message>
        <source>S&amp;tar / Unstar</source>
        <translation>Mit &amp;Stern markieren / Stern entfernen</translation>
    </message>
    <message>
        <source>Mark the selected requests to find them again with is:starred</source>
        <translation>Die ausgewählten Anfragen mit Stern markieren, um sie mit is:starred wiederzufinden</translation>
    </message>
    <message numerus="yes">
        <source>Starred %n request(s)</source>
        <translation>
            <numerusform>%n Anfrage mit Stern markiert</numerusform>
            <numerusform>%n Anfragen mit Stern markiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unstarred %n request(s)</source>
        <translation>
            <numerusform>Stern von %n Anfrage entfernt</numerusform>
            <numerusform>Stern von %n Anfragen entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>Send the selected request to this receiver again, after editing it if you like</source>
        <translation>Die ausgewählte Anfrage erneut an diesen Empfänger senden, auf Wunsch vorher bearbeitet</translation>
    </message>
    <message>
        <source>Start the receiver to replay requests to it</source>
        <translation>Starten Sie den Empfänger, um Anfragen an ihn zu wiederholen</translation>
    </message>
    <message>
        <source>Webhook &amp;Keys…</source>
        <translation>&amp;Webhook-Schlüssel …</translation>
    </message>
    <message>
        <source>Webhook Keys</source>
        <translation>Webhook-Schlüssel</translation>
    </message>
    <message>
        <source>No matching requests</source>
        <translation>Keine passenden Anfragen</translation>
    </message>
    <message>
        <source>No stored request matches the filter. Clear the filter to see every request.</source>
        <translation>Keine gespeicherte Anfrage passt zum Filter. Leeren Sie den Filter, um alle Anfragen zu sehen.</translation>
    </message>
    <message>
        <source>No request matches the filter so far; the search goes on.</source>
        <translation>Bisher passt keine Anfrage zum Filter; die Suche läuft weiter.</translation>
    </message>
    <message>
        <source>x-vwo-auth stays a placeholder: %1</source>
        <translation>x-vwo-auth bleibt ein Platzhalter: %1</translation>
    </message>
    <message>
        <source>New settings-file version #%1: %2</source>
        <translation>Neue Version #%1 der Einstellungsdatei: %2</translation>
    </message>
    <message>
        <source>The settings file is unchanged (version #%1)</source>
        <translation>Die Einstellungsdatei ist unverändert (Version #%1)</translation>
    </message>
    <message>
        <source>Settings-file fetch failed: %1</source>
        <translation>Abruf der Einstellungsdatei fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Se&amp;ttings File</source>
        <translation>Eins&amp;tellungsdatei</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf …</translation>
    </message>
    <message>
        <source>&amp;Fetch Now</source>
        <translation>Jetzt &amp;abrufen</translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation>&amp;Konto …</translation>
    </message>
    <message>
        <source>Fetch the settings file from VWO now</source>
        <translation>Die Einstellungsdatei jetzt von VWO abrufen</translation>
    </message>
    <message>
        <source>Fetching the settings file…</source>
        <translation>Einstellungsdatei wird abgerufen …</translation>
    </message>
    <message>
        <source>Not fetched: no settings-file account is set up (Settings File &gt; Account…)</source>
        <translation>Nicht abgerufen: Es ist kein Konto für die Einstellungsdatei eingerichtet (Einstellungsdatei &gt; Konto …)</translation>
    </message>
    <message>
        <source>Not fetched: automatic fetching is off</source>
        <translation>Nicht abgerufen: Der automatische Abruf ist ausgeschaltet</translation>
    </message>
    <message>
        <source>Not fetched: no fetch was recorded for this webhook</source>
        <translation>Nicht abgerufen: Für diesen Webhook wurde kein Abruf aufgezeichnet</translation>
    </message>
    <message>
        <source>Settings-File History</source>
        <translation>Verlauf der Einstellungsdatei</translation>
    </message>
    <message>
        <source>&amp;Compare Files…</source>
        <translation>Dateien &amp;vergleichen …</translation>
    </message>
    <message>
        <source>Compare two JSON files, e.g. settings files (drop them on the window)</source>
        <translation>Zwei JSON-Dateien vergleichen, z. B. Einstellungsdateien (ziehen Sie sie auf das Fenster)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send &amp;Test Webhook…</source>
        <translation>&amp;Test-Webhook senden …</translation>
    </message>
    <message>
        <source>Send a webhook like VWO does, to this receiver or any endpoint</source>
        <translation>Einen Webhook wie VWO senden – an diesen Empfänger oder an einen beliebigen Endpunkt</translation>
    </message>
    <message>
        <source>&amp;Check an Endpoint…</source>
        <translation>Endpunkt &amp;prüfen …</translation>
    </message>
    <message>
        <source>See how an endpoint treats good and bad webhooks</source>
        <translation>Prüfen, wie ein Endpunkt mit korrekten und fehlerhaften Webhooks umgeht</translation>
    </message>
    <message>
        <source>Send history unavailable: %1</source>
        <translation>Sendeverlauf nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>A settings-file fetch ran for this webhook, but the history could not record it: %1</source>
        <translation>Für diesen Webhook lief ein Abruf der Einstellungsdatei, aber der Verlauf konnte ihn nicht aufzeichnen: %1</translation>
    </message>
    <message>
        <source>Added the endpoint %1. Give VWO its URL, and its webhook keys: Receiver &gt; Webhook Keys…</source>
        <translation>Der Endpunkt %1 wurde hinzugefügt. Geben Sie VWO seine URL und seine Webhook-Schlüssel: Empfänger &gt; Webhook-Schlüssel …</translation>
    </message>
    <message>
        <source>Delete Endpoint</source>
        <translation>Endpunkt löschen</translation>
    </message>
    <message>
        <source>Delete the endpoint %1?</source>
        <translation>Den Endpunkt %1 löschen?</translation>
    </message>
    <message>
        <source>Its webhook keys and settings-file account are deleted with it, and VWO&apos;s webhooks to its URL will get 404.</source>
        <translation>Seine Webhook-Schlüssel und sein Konto der Einstellungsdatei werden mit ihm gelöscht, und die Webhooks von VWO an seine URL erhalten 404.</translation>
    </message>
    <message>
        <source>Its requests and settings-file history can go with it or stay in the log.</source>
        <translation>Seine Anfragen und der Verlauf der Einstellungsdatei können mit ihm gehen oder im Protokoll bleiben.</translation>
    </message>
    <message>
        <source>Delete Endpoint and 1 Request</source>
        <translation>Endpunkt und 1 Anfrage löschen</translation>
    </message>
    <message>
        <source>Delete Endpoint and %1 Requests</source>
        <translation>Endpunkt und %1 Anfragen löschen</translation>
    </message>
    <message>
        <source>Delete Endpoint, Keep Requests</source>
        <translation>Endpunkt löschen, Anfragen behalten</translation>
    </message>
    <message>
        <source>The endpoint %1 was not deleted: %2</source>
        <translation>Der Endpunkt %1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>Deleted the endpoint %1</source>
        <translation>Der Endpunkt %1 wurde gelöscht</translation>
    </message>
    <message>
        <source>The default endpoint was not changed: %1</source>
        <translation>Der Standard-Endpunkt wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>E&amp;ndpoint</source>
        <translation>End&amp;punkt</translation>
    </message>
    <message>
        <source>&amp;New Endpoint…</source>
        <translation>&amp;Neuer Endpunkt …</translation>
    </message>
    <message>
        <source>Add an endpoint for another VWO environment</source>
        <translation>Einen Endpunkt für eine weitere VWO-Umgebung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit Endpoint…</source>
        <translation>Endpunkt &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen …</translation>
    </message>
    <message>
        <source>&amp;Delete Endpoint…</source>
        <translation>Endpunkt &amp;löschen …</translation>
    </message>
    <message>
        <source>Copy Endpoint &amp;URL</source>
        <translation>Endpunkt-URL ko&amp;pieren</translation>
    </message>
    <message>
        <source>Settings-File &amp;History</source>
        <translation>&amp;Verlauf der Einstellungsdatei</translation>
    </message>
    <message>
        <source>Settings-File &amp;Account…</source>
        <translation>&amp;Konto der Einstellungsdatei …</translation>
    </message>
    <message>
        <source>E&amp;xport Configuration…</source>
        <translation>Konfiguration e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Save every endpoint and its settings-file account to share with the team (no keys)</source>
        <translation>Alle Endpunkte und ihre Konten der Einstellungsdatei speichern, um sie mit dem Team zu teilen (ohne Schlüssel)</translation>
    </message>
    <message>
        <source>&amp;Import Configuration…</source>
        <translation>Konfiguration &amp;importieren …</translation>
    </message>
    <message>
        <source>Webhook Keys of %1</source>
        <translation>Webhook-Schlüssel von %1</translation>
    </message>
    <message>
        <source>Request counts could not be read: %1</source>
        <translation>Die Anzahl der Anfragen konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Choose an endpoint in the sidebar first</source>
        <translation>Wählen Sie zuerst einen Endpunkt in der Seitenleiste</translation>
    </message>
    <message>
        <source>Edit %1&apos;s path, colour, response and forwarding</source>
        <translation>Pfad, Farbe, Antwort und Weiterleitung von %1 bearbeiten</translation>
    </message>
    <message>
        <source>The default endpoint keeps its name: hookbench-cli and the receiver&apos;s own path use it</source>
        <translation>Der Standard-Endpunkt behält seinen Namen: hookbench-cli und der eigene Pfad des Empfängers verwenden ihn</translation>
    </message>
    <message>
        <source>The default endpoint cannot be deleted: it is the receiver&apos;s own path</source>
        <translation>Der Standard-Endpunkt kann nicht gelöscht werden: Er ist der eigene Pfad des Empfängers</translation>
    </message>
    <message>
        <source>Give %1 another name</source>
        <translation>%1 einen anderen Namen geben</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation>%1 in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>The receiver is not serving %1 now</source>
        <translation>Der Empfänger bedient %1 gerade nicht</translation>
    </message>
    <message>
        <source>No requests for %1 yet</source>
        <translation>Noch keine Anfragen für %1</translation>
    </message>
    <message>
        <source>Requests to this endpoint show up here once the receiver serves it.</source>
        <translation>Anfragen an diesen Endpunkt erscheinen hier, sobald der Empfänger ihn bedient.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>endpoint: settings-file message</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Endpoint &quot;%1&quot; no longer exists: its history is kept, but nothing is fetched for it.</source>
        <translation>Den Endpunkt „%1“ gibt es nicht mehr: Sein Verlauf bleibt erhalten, aber für ihn wird nichts abgerufen.</translation>
    </message>
    <message>
        <source>&amp;Fetch Now (%1)</source>
        <translation>Jetzt &amp;abrufen (%1)</translation>
    </message>
    <message>
        <source>&amp;Account of %1…</source>
        <translation>&amp;Konto von %1 …</translation>
    </message>
    <message>
        <source>Not fetched: endpoint &quot;%1&quot; no longer exists</source>
        <translation>Nicht abgerufen: Den Endpunkt „%1“ gibt es nicht mehr</translation>
    </message>
    <message>
        <source>Not fetched: endpoint &quot;%1&quot; has no settings-file account (Settings File &gt; History, Account…)</source>
        <translation>Nicht abgerufen: Der Endpunkt „%1“ hat kein Konto für die Einstellungsdatei (Einstellungsdatei &gt; Verlauf, Konto …)</translation>
    </message>
    <message>
        <source>Endpoint &quot;%1&quot; no longer exists: it has no account to edit.</source>
        <translation>Den Endpunkt „%1“ gibt es nicht mehr: Er hat kein Konto, das sich bearbeiten ließe.</translation>
    </message>
    <message>
        <source>Requests received since Hookbench started; the log and the sidebar count every stored request</source>
        <translation>Seit dem Start von Hookbench empfangene Anfragen; das Protokoll und die Seitenleiste zählen jede gespeicherte Anfrage</translation>
    </message>
    <message>
        <source>Received since start: %1</source>
        <translation>Seit dem Start empfangen: %1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Hookbench</source>
        <translation>&amp;Über Hookbench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Send a &amp;Test Webhook</source>
        <translation>&amp;Test-Webhook senden</translation>
    </message>
    <message>
        <source>&lt;b&gt;VWO cannot reach 127.0.0.1.&lt;/b&gt; To receive VWO&apos;s own webhooks on this desktop, expose the receiver through a tunnel, e.g. &lt;code&gt;ngrok http %1&lt;/code&gt; or &lt;code&gt;cloudflared tunnel --url http://127.0.0.1:%1&lt;/code&gt;, and enter the tunnel&apos;s https address followed by &lt;code&gt;%2&lt;/code&gt; as the webhook URL in VWO (FullStack &amp;gt; Projects &amp;gt; your environment), with a secret key from Receiver &amp;gt; Webhook Keys (Ctrl+Shift+K).</source>
        <translation>&lt;b&gt;VWO kann 127.0.0.1 nicht erreichen.&lt;/b&gt; Um die Webhooks von VWO auf diesem Rechner zu empfangen, machen Sie den Empfänger über einen Tunnel erreichbar, z. B. &lt;code&gt;ngrok http %1&lt;/code&gt; oder &lt;code&gt;cloudflared tunnel --url http://127.0.0.1:%1&lt;/code&gt;, und tragen Sie in VWO (FullStack &amp;gt; Projects &amp;gt; Ihre Umgebung) die https-Adresse des Tunnels gefolgt von &lt;code&gt;%2&lt;/code&gt; als Webhook-URL ein, mit einem geheimen Schlüssel aus Empfänger &amp;gt; Webhook-Schlüssel (Strg+Umschalt+K).</translation>
    </message>
    <message>
        <source>Test webhook sent: the receiver answered %1</source>
        <translation>Test-Webhook gesendet: Der Empfänger antwortete mit %1</translation>
    </message>
    <message>
        <source>The test webhook was not answered: %1</source>
        <translation>Der Test-Webhook wurde nicht beantwortet: %1</translation>
    </message>
    <message>
        <source>The test webhook was not sent: its key could not be read: %1</source>
        <translation>Der Test-Webhook wurde nicht gesendet: Sein Schlüssel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>Same as the &amp;System</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Receiver Settings…</source>
        <translation>Empfänger-Einstellungen…</translation>
    </message>
    <message numerus="yes">
        <source>The receiver listens on %1, so other machines can reach it, and %n endpoint(s) accept webhooks without a key: %2. Add a key to each (Receiver &gt; Webhook Keys), or listen on 127.0.0.1 only.</source>
        <translation>
            <numerusform>Der Empfänger lauscht auf %1, andere Rechner können ihn also erreichen, und %n Endpunkt nimmt Webhooks ohne Schlüssel an: %2. Geben Sie ihm einen Schlüssel (Empfänger &gt; Webhook-Schlüssel) oder lauschen Sie nur auf 127.0.0.1.</numerusform>
            <numerusform>Der Empfänger lauscht auf %1, andere Rechner können ihn also erreichen, und %n Endpunkte nehmen Webhooks ohne Schlüssel an: %2. Geben Sie jedem einen Schlüssel (Empfänger &gt; Webhook-Schlüssel) oder lauschen Sie nur auf 127.0.0.1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hookbench::OneTimeSecretDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>New Webhook Key</source>
        <translation>Neuer Webhook-Schlüssel</translation>
    </message>
    <message>
        <source>Key %1 is the new primary key</source>
        <translation>Schlüssel %1 ist der neue primäre Schlüssel</translation>
    </message>
    <message>
        <source>Enter this key as the webhook&apos;s authentication key in the VWO app: VWO then sends it in the x-vwo-auth header of every webhook.</source>
        <translation>Tragen Sie diesen Schlüssel in der VWO-App als Authentifizierungsschlüssel des Webhooks ein: VWO sendet ihn dann bei jedem Webhook im Header x-vwo-auth mit.</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>Hookbench will not show this key again. If you need it later, select the key and click Reveal; each reveal is recorded in the audit trail.</source>
        <translation>Hookbench zeigt diesen Schlüssel nicht noch einmal an. Wenn Sie ihn später benötigen, wählen Sie den Schlüssel aus und klicken Sie auf „Anzeigen“; jedes Anzeigen wird im Prüfprotokoll vermerkt.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>hookbench::OverrideBanner</name>
    <message>
        <source>Responses are overridden: every webhook gets %1 with a custom body after %2 ms</source>
        <translation>Antworten werden überschrieben: Jeder Webhook erhält %1 mit eigenem Inhalt nach %2 ms</translation>
    </message>
    <message>
        <source>Responses are overridden: every webhook gets %1 with a custom body</source>
        <translation>Antworten werden überschrieben: Jeder Webhook erhält %1 mit eigenem Inhalt</translation>
    </message>
    <message>
        <source>Responses are overridden: every webhook gets %1 after %2 ms</source>
        <translation>Antworten werden überschrieben: Jeder Webhook erhält %1 nach %2 ms</translation>
    </message>
    <message>
        <source>Responses are overridden: every webhook gets %1</source>
        <translation>Antworten werden überschrieben: Jeder Webhook erhält %1</translation>
    </message>
    <message>
        <source>Responses are overridden: every webhook gets a custom body after %1 ms</source>
        <translation>Antworten werden überschrieben: Jeder Webhook erhält eigenen Inhalt nach %1 ms</translation>
    </message>
    <message>
        <source>Responses are overridden: every webhook gets a custom body</source>
        <translation>Antworten werden überschrieben: Jeder Webhook erhält eigenen Inhalt</translation>
    </message>
    <message>
        <source>Responses are overridden: every webhook is answered after %1 ms</source>
        <translation>Antworten werden überschrieben: Jeder Webhook wird nach %1 ms beantwortet</translation>
    </message>
    <message>
        <source>a custom body</source>
        <translation>ein eigener Inhalt</translation>
    </message>
    <message>
        <source>%1 ms delay</source>
        <translation>%1 ms Verzögerung</translation>
    </message>
    <message>
        <source>every webhook gets %1 with a custom body after %2 ms</source>
        <translation>jeder Webhook erhält %1 mit eigenem Inhalt nach %2 ms</translation>
    </message>
    <message>
        <source>every webhook gets %1 with a custom body</source>
        <translation>jeder Webhook erhält %1 mit eigenem Inhalt</translation>
    </message>
    <message>
        <source>every webhook gets %1 after %2 ms</source>
        <translation>jeder Webhook erhält %1 nach %2 ms</translation>
    </message>
    <message>
        <source>every webhook gets %1</source>
        <translation>jeder Webhook erhält %1</translation>
    </message>
    <message>
        <source>every webhook gets a custom body after %1 ms</source>
        <translation>jeder Webhook erhält einen eigenen Inhalt nach %1 ms</translation>
    </message>
    <message>
        <source>every webhook gets a custom body</source>
        <translation>jeder Webhook erhält einen eigenen Inhalt</translation>
    </message>
    <message>
        <source>every webhook is answered after %1 ms</source>
        <translation>jeder Webhook wird nach %1 ms beantwortet</translation>
    </message>
    <message>
        <source>Responses of endpoint %1 are overridden: %2</source>
        <translation>Die Antworten des Endpunkts %1 sind überschrieben: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Responses are overridden on %1 endpoints: %2</source>
        <translation>Die Antworten sind auf %1 Endpunkten überschrieben: %2</translation>
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
    <name>hookbench::RateSparkline</name>
    <message>
        <source>Event rate</source>
        <translation>Ereignisrate</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 events/s now, peak %2/s in the last minute, total %3</source>
        <translation>Jetzt %1 Ereignisse/s, Spitze %2/s in der letzten Minute, insgesamt %3</translation>
    </message>
</context>
<context>
    <name>hookbench::ReceiverService</name>
    <message numerus="yes">
        <source>%n request(s) could not be stored: %1</source>
        <translation>
            <numerusform>%n Anfrage konnte nicht gespeichert werden: %1</numerusform>
            <numerusform>%n Anfragen konnten nicht gespeichert werden: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hookbench::ReceiverSettingsDialog</name>
    <message>
        <source>Receiver Settings</source>
        <translation>Empfänger-Einstellungen</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>The IP address to listen on. 127.0.0.1 accepts requests from this computer only; 0.0.0.0 from every network interface.</source>
        <translation>Die IP-Adresse, auf der empfangen wird. 127.0.0.1 nimmt nur Anfragen von diesem Computer an, 0.0.0.0 von jeder Netzwerkschnittstelle.</translation>
    </message>
    <message>
        <source>127.0.0.1</source>
        <translation>127.0.0.1</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>0 lets the system pick a free port when the receiver starts.</source>
        <translation>Bei 0 wählt das System beim Start des Empfängers einen freien Port.</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <source>Pa&amp;th:</source>
        <translation>Pfa&amp;d:</translation>
    </message>
    <message>
        <source>/vwo-webhook</source>
        <translation>/vwo-webhook</translation>
    </message>
    <message>
        <source>Endpoint URL:</source>
        <translation>Endpunkt-URL:</translation>
    </message>
    <message>
        <source>&amp;Override responses</source>
        <translation>Antworten ü&amp;berschreiben</translation>
    </message>
    <message>
        <source>Play a receiver that is down, odd or slow. VWO retries every answer but 200 for an hour. Refused keys still get 401.</source>
        <translation>Spielt einen Empfänger, der ausgefallen, eigenartig oder langsam ist. VWO wiederholt jede Antwort außer 200 eine Stunde lang. Abgelehnte Schlüssel erhalten weiterhin 401.</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>The HTTP status every webhook gets instead of the normal answer.</source>
        <translation>Der HTTP-Status, den jeder Webhook statt der normalen Antwort erhält.</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>&amp;Verzögerung:</translation>
    </message>
    <message>
        <source>How long to hold every answer before sending it.</source>
        <translation>Wie lange jede Antwort vor dem Senden zurückgehalten wird.</translation>
    </message>
    <message>
        <source>No delay</source>
        <translation>Keine Verzögerung</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Inhalt:</translation>
    </message>
    <message>
        <source>Empty: the normal body</source>
        <translation>Leer: der normale Inhalt</translation>
    </message>
    <message>
        <source>Reachable from other machines on your network</source>
        <translation>Von anderen Rechnern in Ihrem Netzwerk erreichbar</translation>
    </message>
    <message>
        <source>Address: enter an IP address, for example 127.0.0.1.</source>
        <translation>Adresse: Geben Sie eine IP-Adresse ein, zum Beispiel 127.0.0.1.</translation>
    </message>
    <message>
        <source>Address: “%1” is not an IP address.</source>
        <translation>Adresse: „%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Path: enter a path, for example /vwo-webhook.</source>
        <translation>Pfad: Geben Sie einen Pfad ein, zum Beispiel /vwo-webhook.</translation>
    </message>
    <message>
        <source>Path: must start with “/”.</source>
        <translation>Pfad: muss mit „/“ beginnen.</translation>
    </message>
    <message>
        <source>Path: must not contain spaces, “?” or “#”.</source>
        <translation>Pfad: darf keine Leerzeichen, „?“ oder „#“ enthalten.</translation>
    </message>
    <message>
        <source>(incomplete)</source>
        <translation>(unvollständig)</translation>
    </message>
    <message>
        <source>%1 (port chosen at start)</source>
        <translation>%1 (Port wird beim Start gewählt)</translation>
    </message>
    <message>
        <source>Default endpoint pa&amp;th:</source>
        <translation>Pfa&amp;d des Standard-Endpunkts:</translation>
    </message>
    <message>
        <source>The path of the endpoint named default. Other endpoints have their own: Endpoint &gt; Edit Endpoint…</source>
        <translation>Der Pfad des Endpunkts namens default. Andere Endpunkte haben ihren eigenen: Endpunkt &gt; Endpunkt bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Override responses of the default endpoint</source>
        <translation>Antworten des Standard-Endpunkts ü&amp;berschreiben</translation>
    </message>
    <message>
        <source>Other endpoints have their own override: Endpoint &gt; Edit Endpoint…</source>
        <translation>Andere Endpunkte haben ihre eigene Überschreibung: Endpunkt &gt; Endpunkt bearbeiten …</translation>
    </message>
    <message>
        <source>Path: %1</source>
        <translation>Pfad: %1</translation>
    </message>
    <message>
        <source>Serve HTTP&amp;S</source>
        <translation>&amp;HTTPS anbieten</translation>
    </message>
    <message>
        <source>Hookbench makes a certificate for this computer once and keeps it beside the event database. Clients must be told to trust it (curl --cacert FILE).</source>
        <translation>Hookbench erstellt einmal ein Zertifikat für diesen Rechner und legt es neben die Ereignisdatenbank. Clients muss man sagen, dass sie ihm vertrauen sollen (curl --cacert DATEI).</translation>
    </message>
    <message>
        <source>Self-signed certificate, for &amp;testing</source>
        <translation>Selbstsigniertes Zertifikat, zum &amp;Testen</translation>
    </message>
    <message>
        <source>My certificate &amp;files (PEM):</source>
        <translation>Eigene &amp;Zertifikatsdateien (PEM):</translation>
    </message>
    <message>
        <source>C&amp;ertificate:</source>
        <translation>Zertifi&amp;kat:</translation>
    </message>
    <message>
        <source>The server certificate, then any intermediate certificates, in PEM form.</source>
        <translation>Das Serverzertifikat, danach etwaige Zwischenzertifikate, im PEM-Format.</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privater Sch&amp;lüssel:</translation>
    </message>
    <message>
        <source>The certificate&apos;s private key (RSA or EC, PEM, not encrypted).</source>
        <translation>Der private Schlüssel des Zertifikats (RSA oder EC, PEM, nicht verschlüsselt).</translation>
    </message>
    <message>
        <source>Brows&amp;e…</source>
        <translation>Durchsuch&amp;en…</translation>
    </message>
    <message>
        <source>VWO only sends to certificates from a public authority: for VWO itself, put a tunnel (ngrok, cloudflared) in front of plain HTTP.</source>
        <translation>VWO sendet nur an Zertifikate einer öffentlichen Zertifizierungsstelle: Für VWO selbst setzen Sie einen Tunnel (ngrok, cloudflared) vor einfaches HTTP.</translation>
    </message>
    <message>
        <source>Certificate File</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Private Key File</source>
        <translation>Datei des privaten Schlüssels</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1: choose a file.</source>
        <translation>%1: Wählen Sie eine Datei.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a file.</source>
        <translation>%1: „%2“ ist keine Datei.</translation>
    </message>
    <message>
        <source>%1: “%2” cannot be read.</source>
        <translation>%1: „%2“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
</context>
<context>
    <name>hookbench::RenameEndpointDialog</name>
    <message>
        <source>Rename Endpoint</source>
        <translation>Endpunkt umbenennen</translation>
    </message>
    <message>
        <source>Events, webhook keys, the settings-file account and its history move to the new name. The endpoint&apos;s URL stays.</source>
        <translation>Ereignisse, Webhook-Schlüssel, das Konto der Einstellungsdatei und ihr Verlauf gehen auf den neuen Namen über. Die URL des Endpunkts bleibt.</translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation>&amp;Neuer Name:</translation>
    </message>
    <message>
        <source>An endpoint named %1 exists already.</source>
        <translation>Es gibt bereits einen Endpunkt namens %1.</translation>
    </message>
    <message>
        <source>Not renamed: %1</source>
        <translation>Nicht umbenannt: %1</translation>
    </message>
</context>
<context>
    <name>hookbench::ResendDialog</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>&amp;Format JSON</source>
        <translation>JSON &amp;formatieren</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Replay request</source>
        <translation>Anfrage wiederholen</translation>
    </message>
    <message>
        <source>Resend request</source>
        <translation>Anfrage erneut senden</translation>
    </message>
    <message>
        <source>Any HTTP method; type one that is not in the list</source>
        <translation>Beliebige HTTP-Methode; Sie können auch eine eingeben, die nicht in der Liste steht</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>&amp;Header</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Inhalt</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Return)</source>
        <translation>Die Anfrage senden (Strg+Return)</translation>
    </message>
    <message>
        <source>Stop waiting for the answer (Escape)</source>
        <translation>Nicht länger auf die Antwort warten (Esc)</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Inhalt der Anfrage</translation>
    </message>
    <message>
        <source>No body</source>
        <translation>Kein Inhalt</translation>
    </message>
    <message>
        <source>The body is binary (%1 bytes): it is sent unchanged and cannot be edited here.</source>
        <translation>Der Inhalt ist binär (%1 Bytes): Er wird unverändert gesendet und kann hier nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>Indent the body when it is JSON</source>
        <translation>Den Inhalt einrücken, wenn er JSON ist</translation>
    </message>
    <message>
        <source>Not formatted: the body is not JSON (%1 at %2).</source>
        <translation>Nicht formatiert: Der Inhalt ist kein JSON (%1 in %2).</translation>
    </message>
</context>
<context>
    <name>hookbench::RotateKeyDialog</name>
    <message>
        <source> min</source>
        <comment>grace period unit</comment>
        <translation> min</translation>
    </message>
    <message>
        <source>None: refuse it at once</source>
        <translation>Keine: sofort abweisen</translation>
    </message>
    <message>
        <source>Grace period in minutes</source>
        <translation>Übergangsfrist in Minuten</translation>
    </message>
    <message>
        <source>Rotate Key</source>
        <translation>Schlüssel rotieren</translation>
    </message>
    <message>
        <source>A new primary key is generated. Requests signed with key %1 stay accepted for the grace period, so that webhooks VWO is still retrying get through; after it they are refused.</source>
        <translation>Ein neuer primärer Schlüssel wird erzeugt. Mit Schlüssel %1 signierte Anfragen werden während der Übergangsfrist weiterhin angenommen, damit Webhooks, die VWO noch wiederholt, durchkommen; danach werden sie abgewiesen.</translation>
    </message>
    <message>
        <source>Optional, e.g. “staging”</source>
        <translation>Optional, z. B. „Staging“</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>Übergangs&amp;frist:</translation>
    </message>
    <message>
        <source>&amp;Label of the new key:</source>
        <translation>&amp;Bezeichnung des neuen Schlüssels:</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Rotieren</translation>
    </message>
</context>
<context>
    <name>hookbench::SecretStore</name>
    <message>
        <source>no secret named &quot;%1&quot;</source>
        <translation>kein Geheimnis namens „%1“</translation>
    </message>
    <message>
        <source>keychain did not answer within %1</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 geantwortet</translation>
    </message>
    <message>
        <source>the keychain is turned off</source>
        <translation>der Schlüsselbund ist ausgeschaltet</translation>
    </message>
    <message>
        <source>no session bus (%1)</source>
        <translation>kein Sitzungsbus (%1)</translation>
    </message>
    <message>
        <source>no Secret Service on the session bus (%1)</source>
        <translation>kein Secret Service auf dem Sitzungsbus (%1)</translation>
    </message>
    <message>
        <source>keychain unavailable: %1</source>
        <translation>Schlüsselbund nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The keychain is locked, so the secret &quot;%1&quot; cannot be read: unlock it (log in to the desktop session, or run gnome-keyring-daemon --unlock) and try again</source>
        <translation>Der Schlüsselbund ist gesperrt, daher kann das Geheimnis „%1“ nicht gelesen werden: Entsperren Sie ihn (melden Sie sich bei der Desktop-Sitzung an oder führen Sie gnome-keyring-daemon --unlock aus) und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>A secret needs a name</source>
        <translation>Ein Geheimnis braucht einen Namen</translation>
    </message>
    <message>
        <source>Could not store the secret &quot;%1&quot; in the keychain: %2</source>
        <translation>Das Geheimnis „%1“ konnte nicht im Schlüsselbund gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Could not read the secret &quot;%1&quot; from the keychain: %2</source>
        <translation>Das Geheimnis „%1“ konnte nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <source>Could not remove the secret &quot;%1&quot; from the keychain: %2</source>
        <translation>Das Geheimnis „%1“ konnte nicht aus dem Schlüsselbund entfernt werden: %2</translation>
    </message>
    <message>
        <source>The secret store did not answer within %1</source>
        <translation>Der Geheimnisspeicher hat nicht innerhalb von %1 geantwortet</translation>
    </message>
</context>
<context>
    <name>hookbench::SendAuditView</name>
    <message>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>Als Mar&amp;kdown exportieren …</translation>
    </message>
    <message>
        <source>Export &amp;HTML…</source>
        <translation>Als H&amp;TML exportieren …</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>No complete answer within this time fails the check</source>
        <translation>Ohne vollständige Antwort innerhalb dieser Zeit gilt die Prüfung als nicht bestanden</translation>
    </message>
    <message>
        <source>Sends a battery of requests to the URL above (valid, wrong key, no key, malformed JSON, …), one after another, with the x-vwo-auth key chosen above, and judges each answer.</source>
        <translation>Sendet nacheinander eine Reihe von Anfragen an die oben angegebene URL (gültig, falscher Schlüssel, kein Schlüssel, fehlerhaftes JSON, …), mit dem oben gewählten Schlüssel für x-vwo-auth, und bewertet jede Antwort.</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>&amp;Timeout per request:</source>
        <translation>&amp;Zeitlimit pro Anfrage:</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Checking… (no x-vwo-auth key chosen: the key checks are skipped)</source>
        <translation>Wird geprüft … (kein Schlüssel für x-vwo-auth gewählt: Die Schlüsselprüfungen werden übersprungen)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export Audit as HTML</source>
        <translation>Prüfbericht als HTML exportieren</translation>
    </message>
    <message>
        <source>Export Audit as Markdown</source>
        <translation>Prüfbericht als Markdown exportieren</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown-Dateien (*.md)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>hookbench::SendHistoryView</name>
    <message>
        <source>Once</source>
        <translation>Einmal</translation>
    </message>
    <message>
        <source>As VWO</source>
        <translation>Wie VWO</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Lasttest</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>&amp;Load into Form</source>
        <translation>&amp;Ins Formular laden</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Select a send to see its request and outcome</source>
        <translation>Wählen Sie einen Sendevorgang aus, um Anfrage und Ergebnis zu sehen</translation>
    </message>
    <message>
        <source>Put this request back in the form; choose the key again</source>
        <translation>Diese Anfrage wieder ins Formular übernehmen; der Schlüssel muss erneut gewählt werden</translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation>Verlauf nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>C&amp;lear History…</source>
        <translation>Verlauf lee&amp;ren …</translation>
    </message>
    <message>
        <source>Remove the selected send from the history</source>
        <translation>Den ausgewählten Sendevorgang aus dem Verlauf entfernen</translation>
    </message>
    <message>
        <source>Remove every send and audit from the history</source>
        <translation>Alle Sendevorgänge und Prüfungen aus dem Verlauf entfernen</translation>
    </message>
    <message>
        <source>The history was not changed: %1</source>
        <translation>Der Verlauf wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Clear the Send History</source>
        <translation>Sendeverlauf leeren</translation>
    </message>
    <message>
        <source>Remove all %1 sends and audits from the history? This cannot be undone.</source>
        <translation>Alle %1 Sendevorgänge und Prüfungen aus dem Verlauf entfernen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>hookbench::SendLoadView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Connections used at the same time</source>
        <translation>Gleichzeitig genutzte Verbindungen</translation>
    </message>
    <message>
        <source>As fast as the connections go</source>
        <translation>So schnell es die Verbindungen zulassen</translation>
    </message>
    <message>
        <source>At a fixed rate</source>
        <translation>Mit fester Rate</translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation> Anfragen/s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>&amp;Requests:</source>
        <translation>Anfragen &amp;insgesamt:</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>Parallele Ver&amp;bindungen:</translation>
    </message>
    <message>
        <source>&amp;Pace:</source>
        <translation>&amp;Tempo:</translation>
    </message>
    <message>
        <source>&amp;Timeout per request:</source>
        <translation>&amp;Zeitlimit pro Anfrage:</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>%1 of %2 sent, %3 answered, %4 failed%5.</source>
        <translation>%1 von %2 gesendet, %3 beantwortet, %4 fehlgeschlagen%5.</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <source>%1 requests/s over %2 s.</source>
        <translation>%1 Anfragen/s über %2 s.</translation>
    </message>
    <message>
        <source>No latency: nothing was answered.</source>
        <translation>Keine Latenz: Es wurde nichts beantwortet.</translation>
    </message>
    <message>
        <source>Latency p50 %1 · p90 %2 · p99 %3 · max %4.</source>
        <translation>Latenz p50 %1 · p90 %2 · p99 %3 · max. %4.</translation>
    </message>
</context>
<context>
    <name>hookbench::SendResultView</name>
    <message>
        <source>Response body</source>
        <translation>Inhalt der Antwort</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Header der Antwort</translation>
    </message>
    <message>
        <source>Response status</source>
        <translation>Status der Antwort</translation>
    </message>
    <message>
        <source>No body</source>
        <translation>Kein Inhalt</translation>
    </message>
    <message>
        <source>No headers</source>
        <translation>Keine Header</translation>
    </message>
    <message>
        <source>Response bod&amp;y</source>
        <translation>Inhalt der Ant&amp;wort</translation>
    </message>
    <message>
        <source>Response hea&amp;ders</source>
        <translation>Hea&amp;der der Antwort</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Noch nicht gesendet</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>Wird an %1 gesendet …</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>redirects to %1 (not followed)</source>
        <translation>Weiterleitung nach %1 (nicht gefolgt)</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 of the response body.</source>
        <translation>Die ersten %1 von %2 des Antwortinhalts werden angezeigt.</translation>
    </message>
    <message>
        <source>Response timing</source>
        <translation>Zeitverlauf der Antwort</translation>
    </message>
    <message>
        <source>%1 at %2 ms</source>
        <translation>%1 bei %2 ms</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>Verbindungsaufbau</translation>
    </message>
    <message>
        <source>TLS ready</source>
        <translation>TLS bereit</translation>
    </message>
    <message>
        <source>request sent</source>
        <translation>Anfrage gesendet</translation>
    </message>
    <message>
        <source>headers in</source>
        <translation>Header empfangen</translation>
    </message>
    <message>
        <source>reused connection</source>
        <translation>Verbindung wiederverwendet</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
</context>
<context>
    <name>hookbench::SendRetryView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long to wait for each answer</source>
        <translation>Wie lange auf jede Antwort gewartet wird</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>VWO keeps retrying for an hour; a shorter window ends sooner</source>
        <translation>VWO wiederholt eine Stunde lang; ein kürzeres Zeitfenster endet früher</translation>
    </message>
    <message>
        <source>Retry &amp;for:</source>
        <translation>Wiederholen &amp;bis zu:</translation>
    </message>
    <message>
        <source>&amp;Timeout per attempt:</source>
        <translation>&amp;Zeitlimit pro Versuch:</translation>
    </message>
    <message>
        <source>Like VWO: any answer but 200 is retried after 1 to 2 s (random), until a 200 or the window ends.</source>
        <translation>Wie bei VWO: Jede Antwort außer 200 wird nach 1 bis 2 s (zufällig) wiederholt, bis die Antwort 200 lautet oder das Zeitfenster endet.</translation>
    </message>
    <message>
        <source>Not sent yet.</source>
        <translation>Noch nicht gesendet.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>Gewartet</translation>
    </message>
    <message>
        <source>Attempt 1 · sending…</source>
        <translation>Versuch 1 · wird gesendet …</translation>
    </message>
    <message>
        <source>Attempt %1 · %2 elapsed</source>
        <translation>Versuch %1 · %2 vergangen</translation>
    </message>
    <message>
        <source>%1 · sending…</source>
        <translation>%1 · wird gesendet …</translation>
    </message>
    <message>
        <source>%1 · next retry in %2</source>
        <translation>%1 · nächste Wiederholung in %2</translation>
    </message>
    <message>
        <source>1 attempt</source>
        <translation>1 Versuch</translation>
    </message>
    <message>
        <source>%1 attempts</source>
        <translation>%1 Versuche</translation>
    </message>
    <message>
        <source>Succeeded: 200 after %1 in %2.</source>
        <translation>Erfolgreich: 200 erhalten (%1 in %2).</translation>
    </message>
    <message>
        <source>No 200: %1.</source>
        <translation>Kein Status 200: %1.</translation>
    </message>
    <message>
        <source>Gave up: no 200 within the window (%1 in %2). VWO would drop this webhook.</source>
        <translation>Aufgegeben: kein Status 200 innerhalb des Zeitfensters (%1 in %2). VWO würde diesen Webhook verwerfen.</translation>
    </message>
    <message>
        <source>Cancelled after %1 in %2.</source>
        <translation>Abgebrochen (%1 in %2).</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>hookbench::SenderForm</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Payload</source>
        <translation>&amp;Nutzdaten</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>&amp;Header</translation>
    </message>
    <message>
        <source>Fill the form from a saved preset</source>
        <translation>Das Formular mit einer gespeicherten Vorlage ausfüllen</translation>
    </message>
    <message>
        <source>Pre&amp;set:</source>
        <translation>V&amp;orlage:</translation>
    </message>
    <message>
        <source>Save as Preset…</source>
        <translation>Als Vorlage speichern …</translation>
    </message>
    <message>
        <source>Save this form (a typed x-vwo-auth key is never saved)</source>
        <translation>Dieses Formular speichern (ein eingegebener Schlüssel für x-vwo-auth wird nie gespeichert)</translation>
    </message>
    <message>
        <source>Import &amp;curl…</source>
        <translation>&amp;curl importieren …</translation>
    </message>
    <message>
        <source>Fill the form from a curl command line</source>
        <translation>Das Formular aus einem curl-Befehl ausfüllen</translation>
    </message>
    <message>
        <source>VWO sends POST; type any other method to test the endpoint</source>
        <translation>VWO sendet POST; geben Sie eine beliebige andere Methode ein, um den Endpunkt zu testen</translation>
    </message>
    <message>
        <source>Where the x-vwo-auth header&apos;s value comes from</source>
        <translation>Woher der Wert des Headers x-vwo-auth stammt</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;x-vwo-auth:</source>
        <translation>&amp;x-vwo-auth:</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>No body</source>
        <translation>Kein Inhalt</translation>
    </message>
    <message>
        <source>&amp;VWO Template</source>
        <translation>VWO-&amp;Muster</translation>
    </message>
    <message>
        <source>The payload VWO sends; its timestamp is set to now on every attempt</source>
        <translation>Die Nutzdaten, die VWO sendet; ihr Zeitstempel wird bei jedem Versuch auf die aktuelle Zeit gesetzt</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Formatieren</translation>
    </message>
    <message>
        <source>Indent the payload when it is JSON</source>
        <translation>Die Nutzdaten einrücken, wenn sie JSON sind</translation>
    </message>
    <message>
        <source>Valid JSON, %1 bytes.</source>
        <translation>Gültiges JSON, %1 Bytes.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation>Kein gültiges JSON: %1.</translation>
    </message>
    <message>
        <source>Not JSON (%1); sent as typed.</source>
        <translation>Kein JSON (%1); wird wie eingegeben gesendet.</translation>
    </message>
    <message>
        <source>Payload: not valid JSON (%1); set a non-JSON Content-Type to send it anyway</source>
        <translation>Nutzdaten: kein gültiges JSON (%1); legen Sie einen Content-Type fest, der nicht JSON ist, um sie trotzdem zu senden</translation>
    </message>
    <message>
        <source>No body.</source>
        <translation>Kein Inhalt.</translation>
    </message>
    <message>
        <source>x-vwo-auth: reading the key from the key ring…</source>
        <translation>x-vwo-auth: Schlüssel wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>No x-vwo-auth</source>
        <translation>Kein x-vwo-auth</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(ohne Bezeichnung)</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>Typed below</source>
        <translation>Unten eingegeben</translation>
    </message>
    <message>
        <source>x-vwo-auth: the key could not be read: %1</source>
        <translation>x-vwo-auth: Der Schlüssel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Imported. %1</source>
        <translation>Importiert. %1</translation>
    </message>
    <message>
        <source>Import curl Command</source>
        <translation>curl-Befehl importieren</translation>
    </message>
    <message>
        <source>Paste a curl command line:</source>
        <translation>Fügen Sie einen curl-Befehl ein:</translation>
    </message>
    <message>
        <source>Not imported: %1.</source>
        <translation>Nicht importiert: %1.</translation>
    </message>
    <message>
        <source>The preset&apos;s key %1 is not in the key ring any more: choose another one.</source>
        <translation>Der Schlüssel %1 der Vorlage ist nicht mehr im Schlüsselbund: Wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>Save as Preset</source>
        <translation>Als Vorlage speichern</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>Name der Vorlage:</translation>
    </message>
    <message>
        <source>No presets yet</source>
        <translation>Noch keine Vorlagen</translation>
    </message>
</context>
<context>
    <name>hookbench::SenderWindow</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Send Test Webhook</source>
        <translation>Test-Webhook senden</translation>
    </message>
    <message>
        <source>&amp;Once</source>
        <translation>&amp;Einmal</translation>
    </message>
    <message>
        <source>As &amp;VWO</source>
        <translation>Wie &amp;VWO</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Lasttest</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation>&amp;Prüfung</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>Ve&amp;rlauf</translation>
    </message>
    <message>
        <source>Send the request once and show the answer</source>
        <translation>Die Anfrage einmal senden und die Antwort zeigen</translation>
    </message>
    <message>
        <source>Retry like VWO until the endpoint answers 200</source>
        <translation>Wie VWO wiederholen, bis der Endpunkt mit 200 antwortet</translation>
    </message>
    <message>
        <source>Send many copies and measure throughput and latency</source>
        <translation>Viele Kopien senden und Durchsatz und Latenz messen</translation>
    </message>
    <message>
        <source>Check how the endpoint treats good and bad webhooks</source>
        <translation>Prüfen, wie der Endpunkt mit korrekten und fehlerhaften Webhooks umgeht</translation>
    </message>
    <message>
        <source>Run the current mode (Ctrl+Return)</source>
        <translation>Den aktuellen Modus ausführen (Strg+Return)</translation>
    </message>
    <message>
        <source>Loaded; choose the x-vwo-auth key again</source>
        <translation>Geladen; wählen Sie den Schlüssel für x-vwo-auth erneut</translation>
    </message>
    <message>
        <source>No history: the event database is not known.</source>
        <translation>Kein Verlauf: Die Ereignisdatenbank ist nicht bekannt.</translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation>Verlauf nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>Not kept in the history: %1</source>
        <translation>Nicht im Verlauf gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>hookbench::SettingsAttempt</name>
    <message>
        <source>the settings file is %1 (%2), more than the %3 limit</source>
        <translation>die Einstellungsdatei ist %1 (%2) groß und überschreitet die Obergrenze von %3</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>the settings file is larger than the %1 limit (stopped after %2)</source>
        <translation>die Einstellungsdatei überschreitet die Obergrenze von %1 (abgebrochen nach %2)</translation>
    </message>
    <message>
        <source>no answer within %1</source>
        <translation>keine Antwort innerhalb von %1</translation>
    </message>
    <message>
        <source>the answer stalled: nothing more within %1 after %2</source>
        <translation>die Antwort stockte: nach %2 kam innerhalb von %1 nichts mehr</translation>
    </message>
    <message>
        <source>connection refused by %1</source>
        <translation>Verbindung von %1 abgelehnt</translation>
    </message>
    <message>
        <source>host %1 not found (DNS lookup failed)</source>
        <translation>Host %1 nicht gefunden (DNS-Auflösung fehlgeschlagen)</translation>
    </message>
    <message>
        <source>%1 closed the connection without answering</source>
        <translation>%1 hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>%1 closed the connection in the middle of the answer (after %2)</source>
        <translation>%1 hat die Verbindung mitten in der Antwort geschlossen (nach %2)</translation>
    </message>
    <message>
        <source>the connection to %1 timed out</source>
        <translation>Zeitüberschreitung bei der Verbindung zu %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>network failure reaching %1: %2</source>
        <translation>Netzwerkfehler beim Verbinden mit %1: %2</translation>
    </message>
    <message>
        <source>request to %1 failed: %2</source>
        <translation>Anfrage an %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>der Server antwortete mit %1</translation>
    </message>
    <message>
        <source>the answer has no Content-Type, not application/json</source>
        <translation>die Antwort hat keinen Content-Type (erwartet: application/json)</translation>
    </message>
    <message>
        <source>the answer is %1, not application/json</source>
        <translation>die Antwort ist %1 statt application/json</translation>
    </message>
    <message>
        <source>%1, not 200 OK</source>
        <translation>%1 statt 200 OK</translation>
    </message>
    <message>
        <source>%1 (a redirect without a target)</source>
        <translation>%1 (eine Weiterleitung ohne Ziel)</translation>
    </message>
    <message>
        <source>%1, a redirect to %2 — redirects are not followed; use that address as the base URL</source>
        <translation>%1, eine Weiterleitung nach %2 — Weiterleitungen wird nicht gefolgt; verwenden Sie diese Adresse als Basis-URL</translation>
    </message>
    <message>
        <source>%1 — check the SDK key</source>
        <translation>%1 — prüfen Sie den SDK-Schlüssel</translation>
    </message>
    <message>
        <source>%1 — check the account id and the SDK key</source>
        <translation>%1 — prüfen Sie die Konto-ID und den SDK-Schlüssel</translation>
    </message>
    <message>
        <source>%1 — check the base URL</source>
        <translation>%1 — prüfen Sie die Basis-URL</translation>
    </message>
</context>
<context>
    <name>hookbench::SettingsFetchLog</name>
    <message>
        <source>Fetch log</source>
        <translation>Abrufprotokoll</translation>
    </message>
    <message>
        <source>Hide the fetch log</source>
        <translation>Das Abrufprotokoll ausblenden</translation>
    </message>
    <message>
        <source>Show the fetch log</source>
        <translation>Das Abrufprotokoll einblenden</translation>
    </message>
    <message>
        <source>Fetch log (%1)</source>
        <translation>Abrufprotokoll (%1)</translation>
    </message>
    <message>
        <source>Fetch log (no fetches yet)</source>
        <translation>Abrufprotokoll (noch keine Abrufe)</translation>
    </message>
    <message>
        <source>Fetch log (%1, %2 failed)</source>
        <comment>fetches, failed fetches</comment>
        <translation>Abrufprotokoll (%1, %2 fehlgeschlagen)</translation>
    </message>
</context>
<context>
    <name>hookbench::SettingsFetchModel</name>
    <message>
        <source>new version #%1</source>
        <translation>neue Version #%1</translation>
    </message>
    <message>
        <source>unchanged (#%1)</source>
        <comment>the fetched file equals this version</comment>
        <translation>unverändert (#%1)</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>settings fetch outcome</comment>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Started %1, finished %2 (UTC)</source>
        <translation>Gestartet %1, beendet %2 (UTC)</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) sent, retries included</source>
        <translation>
            <numerusform>%n Anfrage gesendet, einschließlich Wiederholungen</numerusform>
            <numerusform>%n Anfragen gesendet, einschließlich Wiederholungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Webhook events served by this fetch: %1</source>
        <translation>Webhook-Ereignisse, für die dieser Abruf erfolgte: %1</translation>
    </message>
    <message>
        <source>Webhook events that triggered or joined the fetch</source>
        <translation>Webhook-Ereignisse, die den Abruf ausgelöst oder sich ihm angeschlossen haben</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Trigger</source>
        <comment>what started a settings fetch</comment>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>HTTP</source>
        <comment>column: HTTP status of the last answer</comment>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <comment>column: webhook events served by the fetch</comment>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>hookbench::SettingsFetcher</name>
    <message>
        <source>(attempt %1 of %2)</source>
        <translation>(Versuch %1 von %2)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>vor dem Start abgebrochen</translation>
    </message>
</context>
<context>
    <name>hookbench::SettingsHistoryModel</name>
    <message>
        <source>webhook</source>
        <comment>what brought a settings version</comment>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>manual fetch</source>
        <comment>what brought a settings version</comment>
        <translation>manueller Abruf</translation>
    </message>
    <message>
        <source>imported file</source>
        <comment>what brought a settings version</comment>
        <translation>importierte Datei</translation>
    </message>
    <message>
        <source>#%1</source>
        <comment>settings version number</comment>
        <translation>#%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>account id</comment>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>The current version of account %1</source>
        <translation>Die aktuelle Version von Konto %1</translation>
    </message>
    <message>
        <source>Version #%1 of account %2</source>
        <translation>Version #%1 von Konto %2</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>What changed against the previous version of the same account</source>
        <translation>Was sich gegenüber der vorherigen Version desselben Kontos geändert hat</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Trigger</source>
        <comment>what brought a settings version</comment>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>hookbench::SettingsHistoryPanel</name>
    <message>
        <source>Cannot compare #%1 with #%2: %3</source>
        <translation>#%1 und #%2 können nicht verglichen werden: %3</translation>
    </message>
    <message>
        <source>identical files</source>
        <translation>identische Dateien</translation>
    </message>
    <message>
        <source>(different accounts: %1 and %2)</source>
        <translation>(verschiedene Konten: %1 und %2)</translation>
    </message>
    <message>
        <source>From #%1 to #%2: %3</source>
        <translation>Von #%1 zu #%2: %3</translation>
    </message>
    <message>
        <source>Settings files (*.json);;All files (*)</source>
        <translation>Einstellungsdateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Drop to import %1 into the settings history of endpoint %2.</source>
        <translation>Loslassen, um %1 in den Verlauf der Einstellungsdatei von Endpunkt %2 zu importieren.</translation>
    </message>
    <message>
        <source>Skipped %1: only .json files are imported.</source>
        <translation>%1 übersprungen: Nur .json-Dateien werden importiert.</translation>
    </message>
    <message>
        <source>Import Settings Files</source>
        <translation>Einstellungsdateien importieren</translation>
    </message>
    <message>
        <source>%1 of %2 files could not be imported:</source>
        <translation>Import bei %1 von %2 Dateien fehlgeschlagen:</translation>
    </message>
    <message>
        <source>%1 is a folder, not a settings file.</source>
        <translation>%1 ist ein Ordner, keine Einstellungsdatei.</translation>
    </message>
    <message>
        <source>%1 was not imported: it is %2, more than the %3 a settings file may have.</source>
        <translation>%1 wurde nicht importiert: Mit %2 ist die Datei größer als die für eine Einstellungsdatei zulässigen %3.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>%1 was not imported, it is not a valid settings file: %2</source>
        <translation>%1 wurde nicht importiert, da die Datei keine gültige Einstellungsdatei ist: %2</translation>
    </message>
    <message>
        <source>%1 is the same as version #%2, the current one of account %3: nothing added.</source>
        <translation>%1 ist identisch mit Version #%2, der aktuellen Version von Konto %3: Es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <source>Imported %1 as version #%2 of account %3: %4.</source>
        <translation>%1 als Version #%2 von Konto %3 importiert: %4.</translation>
    </message>
    <message>
        <source>Export Settings Version #%1</source>
        <translation>Version #%1 der Einstellungsdatei exportieren</translation>
    </message>
    <message>
        <source>Version #%1 was not exported: %2</source>
        <translation>Version #%1 wurde nicht exportiert: %2</translation>
    </message>
    <message>
        <source>Version #%1 was not exported to %2: %3</source>
        <translation>Version #%1 wurde nicht nach %2 exportiert: %3</translation>
    </message>
    <message>
        <source>Exported version #%1 to %2 (%3).</source>
        <translation>Version #%1 nach %2 exportiert (%3).</translation>
    </message>
    <message>
        <source>Its SDK key is replaced by REDACTED, as in the history.</source>
        <translation>Der SDK-Schlüssel darin ist wie im Verlauf durch REDACTED ersetzt.</translation>
    </message>
    <message>
        <source>Settings History</source>
        <translation>Verlauf der Einstellungsdatei</translation>
    </message>
    <message>
        <source>&amp;Fetch Now</source>
        <translation>Jetzt &amp;abrufen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>Add settings files to the history (you can also drop them here)</source>
        <translation>Einstellungsdateien zum Verlauf hinzufügen (Sie können sie auch hier ablegen)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation>&amp;Konto …</translation>
    </message>
    <message>
        <source>The VWO account id and SDK key the settings file is fetched with</source>
        <translation>Die VWO-Konto-ID und der SDK-Schlüssel, mit denen die Einstellungsdatei abgerufen wird</translation>
    </message>
    <message>
        <source>Settings-file versions</source>
        <translation>Versionen der Einstellungsdatei</translation>
    </message>
    <message>
        <source>Compare Selected Versions</source>
        <translation>Ausgewählte Versionen vergleichen</translation>
    </message>
    <message>
        <source>Compare with Previous Version</source>
        <translation>Mit vorheriger Version vergleichen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Fetching is not available</source>
        <translation>Abrufen ist nicht verfügbar</translation>
    </message>
    <message>
        <source>A fetch is running</source>
        <translation>Ein Abruf läuft</translation>
    </message>
    <message>
        <source>Fetch the settings file from VWO now</source>
        <translation>Die Einstellungsdatei jetzt von VWO abrufen</translation>
    </message>
    <message>
        <source>Fetch now, import a file, or send a webhook once auto-fetch is on. You can also drop .json settings files here.</source>
        <translation>Jetzt abrufen, eine Datei importieren oder bei eingeschaltetem automatischem Abruf einen Webhook senden. Sie können .json-Einstellungsdateien auch hier ablegen.</translation>
    </message>
    <message>
        <source>No settings-file versions yet.</source>
        <translation>Noch keine Versionen der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>The settings file could not be fetched: %1</source>
        <translation>Die Einstellungsdatei konnte nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>endpoint %1</source>
        <comment>settings history header</comment>
        <translation>Endpunkt %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No version yet&lt;/b&gt; · %1</source>
        <translation>&lt;b&gt;Noch keine Version&lt;/b&gt; · %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>account id</comment>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Current version &lt;b&gt;#%1&lt;/b&gt; · account &lt;b&gt;%2&lt;/b&gt; · %3, %4 · %5</source>
        <comment>settings history header: version, account, time, trigger, endpoint</comment>
        <translation>Aktuelle Version &lt;b&gt;#%1&lt;/b&gt; · Konto &lt;b&gt;%2&lt;/b&gt; · %3, %4 · %5</translation>
    </message>
    <message>
        <source>Summarize what changed from #%1 to #%2</source>
        <translation>Zusammenfassen, was sich von #%1 zu #%2 geändert hat</translation>
    </message>
    <message>
        <source>Select exactly two versions (Ctrl+click) to compare them</source>
        <translation>Wählen Sie genau zwei Versionen aus (Strg+Klick), um sie zu vergleichen</translation>
    </message>
    <message>
        <source>Save version #%1 exactly as it was received</source>
        <translation>Version #%1 genau so speichern, wie sie empfangen wurde</translation>
    </message>
    <message>
        <source>Select one version to export it</source>
        <translation>Wählen Sie eine Version aus, um sie zu exportieren</translation>
    </message>
    <message>
        <source>The settings history cannot be read: %1</source>
        <translation>Der Verlauf der Einstellungsdatei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>#%1 of %2</source>
        <translation>#%1 vom %2</translation>
    </message>
    <message>
        <source>Endpoint %1 has no settings-file version yet to compare.</source>
        <translation>Der Endpunkt %1 hat noch keine Version der Einstellungsdatei zum Vergleichen.</translation>
    </message>
    <message>
        <source>Select one version, or none for the current one, to compare it with endpoint %1.</source>
        <translation>Wählen Sie eine Version oder keine für die aktuelle, um sie mit dem Endpunkt %1 zu vergleichen.</translation>
    </message>
    <message>
        <source>Endpoint %1 has no settings-file version yet: fetch or import one first.</source>
        <translation>Der Endpunkt %1 hat noch keine Version der Einstellungsdatei: Rufen Sie zuerst eine ab oder importieren Sie eine.</translation>
    </message>
    <message>
        <source>Cannot compare %1 with endpoint %2: %3</source>
        <translation>%1 lässt sich nicht mit dem Endpunkt %2 vergleichen: %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>endpoint (version)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>From %1 #%2 to %3 #%4: %5</source>
        <translation>Von %1 #%2 nach %3 #%4: %5</translation>
    </message>
    <message>
        <source>The endpoint whose settings-file history is shown</source>
        <translation>Der Endpunkt, dessen Verlauf der Einstellungsdatei gezeigt wird</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>Compare with Another Endpoint</source>
        <translation>Mit anderem Endpunkt vergleichen</translation>
    </message>
    <message>
        <source>Compare with &amp;Endpoint</source>
        <translation>Mit &amp;Endpunkt vergleichen</translation>
    </message>
    <message>
        <source>Endpoint %1 no longer exists; its history is kept</source>
        <translation>Den Endpunkt %1 gibt es nicht mehr; sein Verlauf bleibt erhalten</translation>
    </message>
    <message>
        <source>%1 (cannot be read)</source>
        <translation>%1 (nicht lesbar)</translation>
    </message>
    <message>
        <source>%1 (no version yet)</source>
        <translation>%1 (noch keine Version)</translation>
    </message>
    <message>
        <source>%1: current version #%2 of %3</source>
        <translation>%1: aktuelle Version #%2 von %3</translation>
    </message>
    <message>
        <source>No other endpoint</source>
        <translation>Kein anderer Endpunkt</translation>
    </message>
    <message>
        <source>There is no other endpoint to compare with</source>
        <translation>Es gibt keinen anderen Endpunkt zum Vergleichen</translation>
    </message>
    <message>
        <source>Compare version #%1 of %2 with the current version of another endpoint</source>
        <translation>Version #%1 von %2 mit der aktuellen Version eines anderen Endpunkts vergleichen</translation>
    </message>
    <message>
        <source>Select one version, or none for the current one, to compare it with another endpoint&apos;s</source>
        <translation>Wählen Sie eine Version oder keine für die aktuelle, um sie mit der eines anderen Endpunkts zu vergleichen</translation>
    </message>
</context>
<context>
    <name>hookbench::SettingsSync</name>
    <message>
        <source>Attempt %1 failed: %2. Next attempt in %3 s.</source>
        <translation>Versuch %1 fehlgeschlagen: %2. Nächster Versuch in %3 s.</translation>
    </message>
    <message>
        <source>Fetching the settings file…</source>
        <translation>Einstellungsdatei wird abgerufen …</translation>
    </message>
    <message>
        <source>Fetching the settings file (attempt %1 of %2)…</source>
        <translation>Einstellungsdatei wird abgerufen (Versuch %1 von %2) …</translation>
    </message>
    <message>
        <source>The settings history is not open.</source>
        <translation>Der Verlauf der Einstellungsdatei ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Set the account id and SDK key of endpoint &quot;%1&quot; first.</source>
        <translation>Legen Sie zuerst die Konto-ID und den SDK-Schlüssel des Endpunkts „%1“ fest.</translation>
    </message>
    <message>
        <source>The SDK key is still being read from the keychain.</source>
        <translation>Der SDK-Schlüssel wird noch aus dem Schlüsselbund gelesen.</translation>
    </message>
    <message>
        <source>No SDK key is stored for endpoint &quot;%1&quot;: set it in the account profile.</source>
        <translation>Für den Endpunkt „%1“ ist kein SDK-Schlüssel gespeichert: Legen Sie ihn im Kontoprofil fest.</translation>
    </message>
</context>
<context>
    <name>hookbench::SettingsSyncSet</name>
    <message>
        <source>Endpoint &quot;%1&quot; has no settings-file account.</source>
        <translation>Der Endpunkt „%1“ hat kein Konto für die Einstellungsdatei.</translation>
    </message>
</context>
<context>
    <name>hookbench::TrayNotifier</name>
    <message>
        <source>&amp;Notify on Failed Requests</source>
        <translation>Bei fehlgeschlagenen Anfragen &amp;benachrichtigen</translation>
    </message>
    <message>
        <source>No system tray is available in this desktop session, so Hookbench cannot show notifications.</source>
        <translation>In dieser Desktop-Sitzung gibt es keinen Infobereich (System-Tray), daher kann Hookbench keine Benachrichtigungen anzeigen.</translation>
    </message>
    <message>
        <source>Show a desktop notification when a request fails authentication or carries an invalid payload</source>
        <translation>Eine Desktop-Benachrichtigung zeigen, wenn eine Anfrage die Authentifizierung nicht besteht oder ungültige Nutzdaten enthält</translation>
    </message>
    <message>
        <source>Hookbench</source>
        <translation>Hookbench</translation>
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
    <message>
        <source>Only open the diff viewer on &lt;old&gt; and &lt;new&gt; (JSON files), without the receiver; usable as a git difftool.</source>
        <translation>Nur das Vergleichsfenster für &lt;old&gt; und &lt;new&gt; (JSON-Dateien) öffnen, ohne den Empfänger; als git difftool verwendbar.</translation>
    </message>
    <message>
        <source>With --compare: the files.</source>
        <translation>Mit --compare: die Dateien.</translation>
    </message>
    <message>
        <source>hookbench: --compare takes exactly two files, OLD and NEW</source>
        <translation>hookbench: --compare erwartet genau zwei Dateien, OLD und NEW</translation>
    </message>
    <message>
        <source>The endpoints changed, but the receiver cannot serve them: %1. It still serves them as they were.</source>
        <translation>Die Endpunkte haben sich geändert, aber der Empfänger kann sie nicht bedienen: %1. Er bedient sie weiter wie zuvor.</translation>
    </message>
    <message>
        <source>The receiver&apos;s path and response override could not move to the default endpoint: %1</source>
        <translation>Der Pfad und die Antwortüberschreibung des Empfängers konnten nicht zum Standard-Endpunkt übernommen werden: %1</translation>
    </message>
</context>
</TS>
