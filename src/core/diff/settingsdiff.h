#pragma once

#include "diffcontext.h"
#include "entitymatcher.h"

namespace hookbench {

// Whether a tree looks like a classic VWO settings file: an object with `campaigns` (an array,
// or {} for none). Enough to pick the semantic diff; checkSettingsFile() validates.
bool looksLikeSettingsFile(const JsonTree &tree);

// The semantic diff of two settings files (DESIGN.md §1) in VWO's terms: campaigns by `key`,
// variations by id as text then by name, goals by `identifier`, variables by `key`, groups by
// id, campaignGroups by campaign id; {} and [] alike; order alone no change. Everything else
// is compared generically within its scope.
class SettingsDiff
{
public:
    explicit SettingsDiff(DiffContext &context)
        : m_context(context)
    {}

    void run(); // compares the two roots

    // "campaign checkout_cta": what the sentences call the campaign at `node`.
    static QString campaignLabel(const JsonTree &tree, int node);

    // What kind of list item, and how it is named, matched, summarised and compared.
    struct EntityRules
    {
        QString noun; // "campaign", "variation", …
        QList<IdentityPass> passes;
        QByteArray (*name)(const JsonTree &tree, int node); // "checkout_cta", or null
        QString (*summary)(const JsonTree &tree, int node); // "FEATURE_TEST, RUNNING, …"
        void (SettingsDiff::*compare)(const DiffLocation &at, int o, int n);
    };

private:
    static const EntityRules &campaignRules();
    static const EntityRules &variationRules();
    static const EntityRules &goalRules();
    static const EntityRules &variableRules();

    bool topLevel(const DiffLocation &at, const QByteArray &key, int o, int n);
    // A list of entities at `at` (the list's own place); o or n may be -1 or {}.
    bool entityList(const DiffLocation &at, int o, int n, const EntityRules &rules);
    static QString entityLabel(const EntityRules &rules, const JsonTree &tree, int node);

    void campaign(const DiffLocation &at, int o, int n);
    void variation(const DiffLocation &at, int o, int n);
    void goal(const DiffLocation &at, int o, int n);
    void variable(const DiffLocation &at, int o, int n);
    // "id" and "weight": number or string, 1 and "1" alike.
    bool textField(const DiffLocation &at, int o, int n);

    // settingsgroupsdiff.cpp
    bool groups(const DiffLocation &at, int o, int n);
    bool group(const DiffLocation &at, const QByteArray &id, int o, int n);
    bool groupCampaigns(const DiffLocation &at, int o, int n);
    bool campaignGroups(const DiffLocation &at, int o, int n);

    DiffContext &m_context;
};

} // namespace hookbench
