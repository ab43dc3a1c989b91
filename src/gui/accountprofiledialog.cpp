#include "accountprofiledialog.h"

#include "settings/settingssync.h"
#include "settings/settingsurl.h"
#include "ui_accountprofiledialog.h"

#include <QPointer>
#include <QPushButton>

namespace hookbench {

AccountProfileDialog::AccountProfileDialog(SettingsSync *sync, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountProfileDialog>())
    , m_sync(sync)
{
    m_ui->setupUi(this);
    const AccountProfile current = sync->profile();
    setWindowTitle(tr("Settings-File Account of %1").arg(current.endpoint));
    m_ui->intro->setText(tr("Hookbench fetches the settings file of this account for endpoint "
                            "\"%1\" and keeps every version.")
                             .arg(current.endpoint));
    m_ui->accountEdit->setText(current.accountId);
    m_ui->baseUrlEdit->setText(current.baseUrl);
    m_ui->timeoutSpin->setValue(std::max(1, current.timeoutMs / 1000));
    m_ui->autoFetchCheck->setChecked(current.autoFetch);
    if (sync->hasSdkKey()) {
        m_ui->sdkKeyEdit->setPlaceholderText(tr("stored in the keychain; type to replace it"));
        m_ui->sdkKeyState->hide();
    } else {
        m_ui->sdkKeyState->setText(tr("No SDK key is stored yet."));
        m_ui->sdkKeyState->setForegroundRole(QPalette::PlaceholderText);
    }
    m_ui->validationMessage->setType(InlineMessage::Error);
    m_ui->validationMessage->hide();
    for (QLineEdit *edit : {m_ui->accountEdit, m_ui->sdkKeyEdit, m_ui->baseUrlEdit})
        connect(edit, &QLineEdit::textChanged, this, &AccountProfileDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AccountProfileDialog::save);
    // The endpoint went away (removed or renamed): there is nothing left to edit.
    connect(sync, &QObject::destroyed, this, &QDialog::reject);
    validate();
    resize(std::max(width(), fontMetrics().averageCharWidth() * 72), height());
}

AccountProfileDialog::~AccountProfileDialog() = default;

AccountProfile AccountProfileDialog::profile() const
{
    AccountProfile profile = m_sync->profile();
    profile.accountId = m_ui->accountEdit->text().trimmed();
    profile.baseUrl = m_ui->baseUrlEdit->text().trimmed();
    profile.timeoutMs = m_ui->timeoutSpin->value() * 1000;
    profile.autoFetch = m_ui->autoFetchCheck->isChecked();
    return profile;
}

void AccountProfileDialog::validate()
{
    m_problems.clear();
    const AccountProfile edited = profile();
    if (edited.accountId.isEmpty())
        m_problems << tr("Account id: enter the VWO account id, for example 123456.");
    else if (const QString error = SettingsUrl::checkAccountId(edited.accountId); !error.isEmpty())
        m_problems << tr("Account id: %1.").arg(error);
    const QString key = m_ui->sdkKeyEdit->text();
    if (key.isEmpty() && !m_sync->hasSdkKey())
        m_problems << tr("SDK key: enter the SDK key of the environment.");
    else if (const QString error = key.isEmpty() ? QString() : SettingsUrl::checkSdkKey(key);
             !error.isEmpty())
        m_problems << tr("SDK key: %1.").arg(error);
    if (const QString error =
            edited.baseUrl.isEmpty() ? QString() : SettingsUrl::checkBaseUrl(edited.baseUrl);
        !error.isEmpty())
        m_problems << tr("Base URL: %1.").arg(error);
    // A blank form is not an error yet: OK waits, without a red box before the first key.
    const bool blank = edited.accountId.isEmpty() && key.isEmpty() && edited.baseUrl.isEmpty();
    m_ui->validationMessage->setText(m_problems.join(QLatin1Char('\n')));
    m_ui->validationMessage->setVisible(!m_problems.isEmpty() && !blank);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(m_problems.isEmpty());
}

void AccountProfileDialog::save()
{
    if (!m_problems.isEmpty())
        return;
    m_ui->buttonBox->setEnabled(false);
    const QPointer<AccountProfileDialog> self(this);
    m_sync->setProfile(profile(), m_ui->sdkKeyEdit->text().toLatin1(),
                       [self](const QString &error) {
                           if (!self)
                               return;
                           self->m_ui->buttonBox->setEnabled(true);
                           if (error.isEmpty())
                               return self->accept();
                           self->m_ui->validationMessage->setText(tr("Not saved: %1").arg(error));
                           self->m_ui->validationMessage->show();
                       });
}

} // namespace hookbench
