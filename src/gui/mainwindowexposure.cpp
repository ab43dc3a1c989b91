// The warning shown for as long as the receiver is reachable from other machines and an
// endpoint takes webhooks without a key: anyone on the network could then fill the log and
// trigger settings fetches. hookbench-cli listen prints the same on stderr.
#include "mainwindow.h"

#include "inlinemessage.h"
#include "receiver/receiverexposure.h"

#include <QLocale>
#include <QPushButton>

namespace hookbench {

void MainWindow::createExposureMessage()
{
    m_exposureMessage = new InlineMessage(this);
    m_exposureMessage->setObjectName(QStringLiteral("exposureMessage"));
    m_exposureMessage->setType(InlineMessage::Warning);
    m_exposureMessage->setCloseButtonVisible(false); // goes away only when it is no longer true
    m_exposureMessage->hide();
    QPushButton *settings = m_exposureMessage->addButton(tr("Receiver Settings…"));
    settings->setObjectName(QStringLiteral("exposureSettingsButton"));
    connect(settings, &QPushButton::clicked, this, &MainWindow::editReceiverSettings);
}

void MainWindow::updateExposureMessage()
{
    const QStringList open = endpointsOpenToTheNetwork(m_config);
    if (open.isEmpty()) {
        m_exposureMessage->hide();
    } else {
        m_exposureMessage->setText(
            tr("The receiver listens on %1, so other machines can reach it, and %n endpoint(s) "
               "accept webhooks without a key: %2. Add a key to each (Receiver > Webhook Keys), "
               "or listen on 127.0.0.1 only.",
               nullptr, int(open.size()))
                .arg(m_config.host.toString(), QLocale().createSeparatedList(open)));
        m_exposureMessage->show();
    }
    updateMessageArea();
}

void MainWindow::updateMessageArea()
{
    // isHidden(), not isVisible(): the messages count while the area itself is still hidden.
    m_messageArea->setVisible(!m_message->isHidden() || !m_overrideMessage->isHidden() ||
                              !m_exposureMessage->isHidden());
}

} // namespace hookbench
