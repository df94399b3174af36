<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AdviceLine</name>
    <message>
        <location filename="../../ui/counter/bundle_advice.py"/>
        <source>Add (F8)</source>
        <translation>Ajouter (F8)</translation>
    </message>
</context>
<context>
    <name>OutletFinder</name>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>&amp;Outlets</source>
        <translation>&amp;Points de vente</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Nearest shops and distributors…</source>
        <translation>Boutiques et distributeurs les plus proches…</translation>
    </message>
</context>
<context>
    <name>OutletFinderDialog</name>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Nearest to {town}:</source>
        <translation>Les plus proches de {town} :</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>No shop or distributor in the directory</source>
        <translation>Aucune boutique ni aucun distributeur dans l'annuaire</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Nearest shops and distributors</source>
        <translation>Boutiques et distributeurs les plus proches</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Caller's &amp;town</source>
        <translation>&amp;Ville de l'appelant</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Shops and distributors</source>
        <translation>Boutiques et distributeurs</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Shops</source>
        <translation>Boutiques</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Distributors</source>
        <translation>Distributeurs</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Type or pick a town, then Enter</source>
        <translation>Saisissez ou choisissez une ville, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Outlet</source>
        <translation>Point de vente</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Hours</source>
        <translation>Horaires</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Takes</source>
        <translation>Accepte</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>ApprovalWidget</name>
    <message>
        <location filename="../../konnect_pos/ui/approval_widget.py"/>
        <source>A manager approves</source>
        <translation>Validation par un responsable</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/approval_widget.py"/>
        <source>Appro&amp;ved by</source>
        <translation>&amp;Approuvé par</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/approval_widget.py"/>
        <source>Manager&apos;s &amp;PIN</source>
        <translation>Code P&amp;IN du responsable</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/approval_widget.py"/>
        <source>The manager types their PIN</source>
        <translation>Le responsable saisit son code PIN</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/approval_widget.py"/>
        <source>Nobody at this terminal can approve this.</source>
        <translation>Personne sur ce terminal ne peut approuver cette opération.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="69"/>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="70"/>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="78"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="71"/>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="77"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="72"/>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="75"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="76"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="79"/>
        <source>Approved by</source>
        <translation>Approuvé par</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="80"/>
        <source>About</source>
        <translation>Objet</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Day close backs up to (USB stick)</source>
        <translation>La clôture sauvegarde dans (clé USB)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Backups kept</source>
        <translation>Sauvegardes conservées</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Backup written: {path}</source>
        <translation>Sauvegarde écrite : {path}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Replace this terminal's data with {name}? The data as it is now is kept aside, and Konnect POS closes after the restore.</source>
        <translation>Remplacer les données de ce terminal par {name} ? Les données actuelles sont conservées à part, et Konnect POS se ferme après la restauration.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Restoring…</source>
        <translation>Restauration en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Restored from {name}: {sales} sales, journal verified. The data as it was is kept as {aside}</source>
        <translation>Restauré depuis {name} : {sales} ventes, journal vérifié. Les données d'avant sont conservées sous {aside}</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup failed: {reason}</source>
        <translation>Sauvegarde échouée : {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup: never</source>
        <translation>Sauvegarde : jamais</translation>
    </message>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup: just now</source>
        <translation>Sauvegarde : à l'instant</translation>
    </message>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup: {n} min ago</source>
        <translation>Sauvegarde : il y a {n} min</translation>
    </message>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup: {n} h ago</source>
        <translation>Sauvegarde : il y a {n} h</translation>
    </message>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup: {n} d ago</source>
        <translation>Sauvegarde : il y a {n} j</translation>
    </message>
</context>
<context>
    <name>CartWidget</name>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="43"/>
        <source>Bundle</source>
        <translation>Forfait</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="43"/>
        <source>Activation</source>
        <translation>Activation</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="43"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="48"/>
        <source>At the end of the period</source>
        <translation>À la fin de la période</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="49"/>
        <source>When the data runs out</source>
        <translation>À l&apos;épuisement des données</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="93"/>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="237"/>
        <source>Cash in / cash out</source>
        <translation>Entrée / sortie de caisse</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="238"/>
        <source>Cash out (expense, bank drop)</source>
        <translation>Sortie (dépense, dépôt en banque)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="239"/>
        <source>Cash in</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="241"/>
        <source>Movement</source>
        <translation>Mouvement</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="242"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="243"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="244"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="249"/>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="174"/>
        <source>Conflicts found by headquarters</source>
        <translation>Conflits relevés par le siège</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="176"/>
        <source>Found</source>
        <translation>Relevé le</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="176"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="176"/>
        <source>About</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="176"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="178"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="182"/>
        <source>Mobile-money reference used at two terminals</source>
        <translation>Référence mobile money utilisée sur deux terminaux</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="183"/>
        <source>Journal altered on a terminal</source>
        <translation>Journal modifié sur un terminal</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="199"/>
        <source>No conflicts</source>
        <translation>Aucun conflit</translation>
    </message>
</context>
<context>
    <name>CorporateWindow</name>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="223"/>
        <source>Corporate accounts and invoices</source>
        <translation>Comptes entreprise et factures</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="224"/>
        <source>Accounts and service lines</source>
        <translation>Comptes et lignes de service</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="225"/>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="226"/>
        <source>Find an account: company, code or tax id, then Enter</source>
        <translation>Rechercher un compte : entreprise, code ou n° fiscal, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="229"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="230"/>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="238"/>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="283"/>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="231"/>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="249"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="232"/>
        <source>Billing day</source>
        <translation>Jour de facturation</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="233"/>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="236"/>
        <source>Corporate account</source>
        <translation>Compte entreprise</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="239"/>
        <source>Tax id</source>
        <translation>N° fiscal</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="240"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="241"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="242"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="243"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="244"/>
        <source>Payment terms (days)</source>
        <translation>Délai de paiement (jours)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="245"/>
        <source>Invoice language</source>
        <translation>Langue des factures</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="250"/>
        <source>Add as new account</source>
        <translation>Ajouter comme nouveau compte</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="251"/>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="252"/>
        <source>Service lines</source>
        <translation>Lignes de service</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="255"/>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="264"/>
        <source>Kit serial</source>
        <translation>N° de série du kit</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="256"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="257"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="258"/>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="265"/>
        <source>Plan</source>
        <translation>Offre</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="259"/>
        <source>Monthly price</source>
        <translation>Prix mensuel</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="260"/>
        <source>Next cycle</source>
        <translation>Cycle suivant</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="261"/>
        <source>Data blocks</source>
        <translation>Blocs de données</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="266"/>
        <source>Add line</source>
        <translation>Ajouter la ligne</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="267"/>
        <source>Preview plan change</source>
        <translation>Aperçu du changement d&apos;offre</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="268"/>
        <source>Confirm plan change</source>
        <translation>Confirmer le changement d&apos;offre</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="269"/>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="270"/>
        <source>Cancel line</source>
        <translation>Résilier la ligne</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="271"/>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="272"/>
        <source>Data blocks from the next cycle</source>
        <translation>Blocs de données à partir du cycle suivant</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="275"/>
        <source>Local Priority</source>
        <translation>Priorité locale</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="276"/>
        <source>Global Priority</source>
        <translation>Priorité mondiale</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="278"/>
        <source>Set quantity</source>
        <translation>Fixer la quantité</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="279"/>
        <source>Billing date</source>
        <translation>Date de facturation</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="280"/>
        <source>Run invoices</source>
        <translation>Émettre les factures</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="281"/>
        <source>Preview / print</source>
        <translation>Aperçu / imprimer</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="283"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="283"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="283"/>
        <source>Due date</source>
        <translation>Date d&apos;échéance</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="283"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="285"/>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="429"/>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="430"/>
        <source>pausing at the period end</source>
        <translation>suspension à la fin de la période</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="431"/>
        <source>cancelling at the period end</source>
        <translation>résiliation à la fin de la période</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="432"/>
        <source>paused</source>
        <translation>suspendu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="433"/>
        <source>cancelled</source>
        <translation>résilié</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="491"/>
        <source>Upgrade: immediate, prorated to the end of the period</source>
        <translation>Offre supérieure : immédiate, au prorata jusqu&apos;à la fin de la période</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="492"/>
        <source>Downgrade: from the start of the next cycle, nothing billed now</source>
        <translation>Offre inférieure : au début du cycle suivant, rien n&apos;est facturé maintenant</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="493"/>
        <source>Same price: immediate, the invoice does not change</source>
        <translation>Même prix : immédiat, la facture ne change pas</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="498"/>
        <source>Effective {when}</source>
        <translation>En vigueur le {when}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="502"/>
        <source>Prorated amount on the next invoice (VAT excluded): {amount}</source>
        <translation>Montant au prorata sur la prochaine facture (hors TVA) : {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="535"/>
        <source>Pause {serial}? It stays active until the end of the period.</source>
        <translation>Suspendre {serial} ? La ligne reste active jusqu&apos;à la fin de la période.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="536"/>
        <source>Cancel {serial}? It stays active until the end of the period.</source>
        <translation>Résilier {serial} ? La ligne reste active jusqu&apos;à la fin de la période.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="537"/>
        <source>Reactivate {serial}? It is billed prorated, like a new line.</source>
        <translation>Réactiver {serial} ? Elle est facturée au prorata, comme une nouvelle ligne.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="586"/>
        <source>{issued} issued, {already} already issued, {due} account(s) due</source>
        <translation>{issued} émise(s), {already} déjà émise(s), {due} compte(s) à facturer</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="615"/>
        <source>Invoice {number}</source>
        <translation>Facture {number}</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="76"/>
        <source>Correct sale {number}</source>
        <translation>Corriger la vente {number}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="77"/>
        <source>Void (same business day)</source>
        <translation>Annulation (même journée)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="78"/>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="79"/>
        <source>To the original payment method</source>
        <translation>Sur le moyen de paiement d&apos;origine</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="80"/>
        <source>In cash</source>
        <translation>En espèces</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="82"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="83"/>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="84"/>
        <source>&amp;Amount</source>
        <translation>&amp;Montant</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="85"/>
        <source>Refund to</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="86"/>
        <source>Also remove a bundle already running</source>
        <translation>Retirer aussi un forfait déjà en cours</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="91"/>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="92"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>cash</source>
        <translation>espèces</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>card</source>
        <translation>carte</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>mobile money</source>
        <translation>mobile money</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>Sale {number} is voided. Give back {amount} ({methods}).</source>
        <translation>La vente {number} est annulée. Rendez {amount} ({methods}).</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>Removed from the account: {bundles}.</source>
        <translation>Retiré du compte : {bundles}.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>{amount} refunded on sale {number}, to {method}. Still refundable: {left}.</source>
        <translation>{amount} remboursé sur la vente {number} ({method}). Encore remboursable : {left}.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>Given back to the distributor&apos;s float: {amount}.</source>
        <translation>Rendu à la provision du distributeur : {amount}.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>Hand back in cash: {amount}.</source>
        <translation>À rendre en espèces : {amount}.</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Konnect POS — {outlet}</source>
        <translation>Konnect POS — {outlet}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Terminal {terminal} · outlet {outlet}</source>
        <translation>Terminal {terminal} · point de vente {outlet}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Agent: {name}</source>
        <translation>Agent : {name}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Business day: not open (Ctrl+D)</source>
        <translation>Journée : non ouverte (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Business day {date}: open</source>
        <translation>Journée du {date} : ouverte</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Business day {date}: still open, close it (Ctrl+D)</source>
        <translation>Journée du {date} : encore ouverte, clôturez-la (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Business day {date}: closed</source>
        <translation>Journée du {date} : clôturée</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Daily sales summary {date}</source>
        <translation>Récapitulatif des ventes du jour {date}</translation>
    </message>
</context>
<context>
    <name>CustomerSearchBox</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/search_box.py"/>
        <source>Find a customer (F2)</source>
        <translation>Rechercher un client (F2)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/search_box.py"/>
        <source>Name, phone, account number or kit serial</source>
        <translation>Nom, téléphone, n° de compte ou n° de kit</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/search_box.py"/>
        <source>New customer (F3)</source>
        <translation>Nouveau client (F3)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/search_box.py"/>
        <source>No customer found</source>
        <translation>Aucun client trouvé</translation>
    </message>
</context>
<context>
    <name>SaleActions</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Bundles (1–9)</source>
        <translation>Forfaits (1–9)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Cart</source>
        <translation>Panier</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>The account after this sale:</source>
        <translation>Le compte après cette vente :</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Pay (F9)</source>
        <translation>Payer (F9)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Find the customer first (F2)</source>
        <translation>Recherchez d&apos;abord le client (F2)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Subtotal: —</source>
        <translation>Sous-total : —</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>VAT: —</source>
        <translation>TVA : —</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Total: —</source>
        <translation>Total : —</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Subtotal (excl. VAT): {amount}</source>
        <translation>Sous-total (HT) : {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>VAT {rate}: {amount}</source>
        <translation>TVA {rate} : {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Total: {amount}</source>
        <translation>Total : {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Add at least one bundle first</source>
        <translation>Ajoutez d&apos;abord au moins un forfait</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>All bundles… (F6)</source>
        <translation>Tous les forfaits… (F6)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>All {count} bundles… (F6)</source>
        <translation>Les {count} forfaits… (F6)</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>This customer has no plan with a balance</source>
        <translation>Ce client n'a pas de forfait avec solde</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>Switch Connect+ back on for {account}?</source>
        <translation>Réactiver Connect+ pour {account} ?</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>Switch Connect+ off for {account}? It will not start again until they opt in.</source>
        <translation>Désactiver Connect+ pour {account} ? Il ne redémarrera pas avant une nouvelle activation par le client.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>Connect+</source>
        <translation>Connect+</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <location filename="../../ui/crash_notice.py"/>
        <source>Konnect POS closed unexpectedly</source>
        <translation>Konnect POS s'est fermé de façon inattendue</translation>
    </message>
    <message>
        <location filename="../../ui/crash_notice.py"/>
        <source>Konnect POS closed unexpectedly or hit an error last time. The log is {path}</source>
        <translation>Konnect POS s'est fermé de façon inattendue ou a rencontré une erreur la dernière fois. Le journal est {path}</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <source>typed</source>
        <translation>saisi</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>contesté</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="77"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="79"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="80"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="81"/>
        <source>Kit serial</source>
        <translation>N° de série du kit</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="82"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="83"/>
        <source>Current bundle</source>
        <translation>Forfait en cours</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="86"/>
        <source>Last purchases</source>
        <translation>Derniers achats</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="87"/>
        <source>&amp;Reprint receipt (copy)</source>
        <translation>&amp;Réimprimer le reçu (duplicata)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="88"/>
        <source>&amp;Void or refund…</source>
        <translation>&amp;Annuler ou rembourser…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="106"/>
        <source>No customer selected (F2 to search)</source>
        <translation>Aucun client sélectionné (F2 pour rechercher)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="134"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="136"/>
        <source>Dormant (open, no bundle running)</source>
        <translation>Inactif (ouvert, aucun forfait en cours)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="152"/>
        <source>{bundle}: {data} left, until {date}</source>
        <translation>{bundle} : {data} restants, jusqu&apos;au {date}</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="120"/>
        <source>Business day</source>
        <translation>Journée</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="122"/>
        <source>No business day is open. Enter the opening float per currency.</source>
        <translation>Aucune journée n&apos;est ouverte. Saisissez le fond de caisse par devise.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="126"/>
        <source>The day of {date} was left open past midnight: count the drawer and close it before today&apos;s day can open.</source>
        <translation>La journée du {date} est restée ouverte après minuit : comptez le tiroir-caisse et clôturez-la avant d&apos;ouvrir celle d&apos;aujourd&apos;hui.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="132"/>
        <source>Day {date} is open. Count the drawer by denomination to close it.</source>
        <translation>La journée du {date} est ouverte. Comptez le tiroir-caisse par coupure pour la clôturer.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="138"/>
        <source>Today&apos;s day is closed (Z {number}).</source>
        <translation>La journée d&apos;aujourd&apos;hui est clôturée (Z {number}).</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="141"/>
        <source>Close the day</source>
        <translation>Clôturer la journée</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="141"/>
        <source>Open the day</source>
        <translation>Ouvrir la journée</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="143"/>
        <source>Note or coin</source>
        <translation>Billet ou pièce</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="143"/>
        <source>How many</source>
        <translation>Combien</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="144"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="145"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="146"/>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="147"/>
        <source>Manager&apos;s PIN</source>
        <translation>Code PIN du responsable</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="177"/>
        <source>Expected {expected} · counted {counted} · variance {variance}</source>
        <translation>Attendu {expected} · compté {counted} · écart {variance}</translation>
    </message>
    <message>
        <source>Today&apos;s business day ({date}) is not open yet.</source>
        <translation>La journée d&apos;aujourd&apos;hui ({date}) n&apos;est pas encore ouverte.</translation>
    </message>
    <message>
        <source>Next: enter the opening float per currency, then press Open the day.</source>
        <translation>Étape suivante : saisissez le fond de caisse par devise, puis appuyez sur Ouvrir la journée.</translation>
    </message>
    <message>
        <source>Today&apos;s business day ({date}) was closed at {time} by {name} (Z {number}).</source>
        <translation>La journée d&apos;aujourd&apos;hui ({date}) a été clôturée à {time} par {name} (Z {number}).</translation>
    </message>
    <message>
        <source>Nothing more can be sold today. Open the day is not available: a terminal has one business day per calendar date, so tomorrow&apos;s day can be opened after midnight.</source>
        <translation>Plus aucune vente n&apos;est possible aujourd&apos;hui. Ouvrir la journée n&apos;est pas disponible : un terminal a une journée par date du calendrier, la journée de demain pourra être ouverte après minuit.</translation>
    </message>
    <message>
        <source>The day of {date} (opened at {time} by {name}) was left open past midnight.</source>
        <translation>La journée du {date} (ouverte à {time} par {name}) est restée ouverte après minuit.</translation>
    </message>
    <message>
        <source>Business day {date} is open since {time} by {name}.</source>
        <translation>La journée du {date} est ouverte depuis {time} par {name}.</translation>
    </message>
    <message>
        <source>Next: check the summary, write a comment if asked, then press Confirm and close the day. The Z report opens after the close.</source>
        <translation>Étape suivante : vérifiez le récapitulatif, écrivez un commentaire si demandé, puis appuyez sur Confirmer et clôturer la journée. Le rapport Z s&apos;ouvre après la clôture.</translation>
    </message>
    <message>
        <source>Next: count the drawer by denomination, then press Review the count (nothing is closed yet).</source>
        <translation>Étape suivante : comptez la caisse par coupure, puis appuyez sur Vérifier le comptage (rien n&apos;est encore clôturé).</translation>
    </message>
    <message>
        <source>Review the count</source>
        <translation>Vérifier le comptage</translation>
    </message>
    <message>
        <source>Confirm and close the day</source>
        <translation>Confirmer et clôturer la journée</translation>
    </message>
    <message>
        <source>Today&apos;s day is already closed: the next one opens tomorrow</source>
        <translation>La journée d&apos;aujourd&apos;hui est déjà clôturée : la suivante s&apos;ouvre demain</translation>
    </message>
    <message>
        <source>Back to the count</source>
        <translation>Revenir au comptage</translation>
    </message>
    <message>
        <source>Blind close: count what is in the drawer. The expected cash is shown once the count is in.</source>
        <translation>Clôture à l&apos;aveugle : comptez ce qui est dans la caisse. Le montant attendu s&apos;affiche une fois le comptage saisi.</translation>
    </message>
    <message>
        <source>Note {value}</source>
        <translation>Billet {value}</translation>
    </message>
    <message>
        <source>Coin {value}</source>
        <translation>Pièce {value}</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Counted {counted}</source>
        <translation>Compté {counted}</translation>
    </message>
    <message>
        <source>Comment (required: a variance is above the limit)</source>
        <translation>Commentaire (obligatoire : un écart dépasse la limite)</translation>
    </message>
    <message>
        <source>A variance above {limits} needs a comment that says why.</source>
        <translation>Un écart de plus de {limits} demande un commentaire qui l&apos;explique.</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Commentaire (facultatif)</translation>
    </message>
    <message>
        <source>Every variance is within {limits}: no comment is needed.</source>
        <translation>Chaque écart reste dans {limits} : aucun commentaire n&apos;est nécessaire.</translation>
    </message>
</context>
<context>
    <name>DayStatus</name>
    <message>
        <source>Day open since {time} by {name}</source>
        <translation>Journée ouverte depuis {time} par {name}</translation>
    </message>
    <message>
        <source>Day of {date} still open: a manager closes it (Ctrl+D) before selling</source>
        <translation>Journée du {date} encore ouverte : un responsable la clôture (Ctrl+D) avant de vendre</translation>
    </message>
    <message>
        <source>Day closed at {time} by {name}: a manager opens tomorrow&apos;s day</source>
        <translation>Journée clôturée à {time} par {name} : un responsable ouvre la journée de demain</translation>
    </message>
    <message>
        <source>Day not opened: a manager opens it (Ctrl+D)</source>
        <translation>Journée non ouverte : un responsable l&apos;ouvre (Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="97"/>
        <source>Konnect POS: sign in</source>
        <translation>Konnect POS : connexion</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="98"/>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="98"/>
        <source>Konnect POS</source>
        <translation>Konnect POS</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="99"/>
        <source>&amp;User</source>
        <translation>&amp;Utilisateur</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="100"/>
        <source>&amp;PIN</source>
        <translation>Code &amp;PIN</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="101"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="101"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py"/>
        <source>Locked by {name}. Anyone can unlock with their own PIN; another user starts with a clear screen.</source>
        <translation>Verrouillé par {name}. Chacun peut déverrouiller avec son propre code PIN ; un autre utilisateur repart d&apos;un écran vide.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py"/>
        <source>Opening the counter…</source>
        <translation>Ouverture du comptoir…</translation>
    </message>
</context>
<context>
    <name>ManagerMenu</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>&amp;Managers</source>
        <translation>&amp;Responsables</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Open or close the day…</source>
        <translation>Ouvrir ou clôturer la journée…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Cash in / cash out…</source>
        <translation>Entrée / sortie de caisse…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Daily sales summary (X report)…</source>
        <translation>Récapitulatif des ventes du jour (rapport X)…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Audit trail…</source>
        <translation>Journal d&apos;audit…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Users…</source>
        <translation>Utilisateurs…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Sync conflicts…</source>
        <translation>Conflits de synchronisation…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Corporate accounts and invoices…</source>
        <translation>Comptes entreprise et factures…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Not allowed</source>
        <translation>Non autorisé</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Exchange rate of the day…</source>
        <translation>Taux de change du jour…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Only a manager can set the exchange rate.</source>
        <translation>Seul un responsable peut fixer le taux de change.</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="67"/>
        <source>New customer</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="69"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="70"/>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="71"/>
        <source>&amp;Account number</source>
        <translation>N° de &amp;compte</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="72"/>
        <source>&amp;Kit serial</source>
        <translation>N° de série du &amp;kit</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="73"/>
        <source>Receipt &amp;language</source>
        <translation>&amp;Langue du reçu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="76"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="77"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="178"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="179"/>
        <source>Amount &amp;tendered</source>
        <translation>&amp;Montant remis</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="180"/>
        <source>Add cash payment</source>
        <translation>Ajouter le paiement en espèces</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="181"/>
        <source>Pro&amp;vider</source>
        <translation>&amp;Opérateur</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="182"/>
        <source>Merchant number</source>
        <translation>Numéro marchand</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="183"/>
        <source>Payer&apos;s p&amp;hone</source>
        <translation>&amp;Téléphone du payeur</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="184"/>
        <source>Transaction &amp;reference</source>
        <translation>&amp;Référence de la transaction</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="185"/>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="189"/>
        <source>Amount (empty: all that remains)</source>
        <translation>Montant (vide : tout le reste)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="186"/>
        <source>Add mobile-money payment</source>
        <translation>Ajouter le paiement mobile money</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="187"/>
        <source>&amp;Approval code</source>
        <translation>Code d&apos;&amp;autorisation</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="188"/>
        <source>&amp;Last 4 digits</source>
        <translation>4 &amp;derniers chiffres</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="190"/>
        <source>Add card payment</source>
        <translation>Ajouter le paiement par carte</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="192"/>
        <source>&amp;Cash</source>
        <translation>&amp;Espèces</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="193"/>
        <source>&amp;Mobile money</source>
        <translation>&amp;Mobile money</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="194"/>
        <source>Car&amp;d</source>
        <translation>&amp;Carte</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="199"/>
        <source>Confirm sale (Enter)</source>
        <translation>Confirmer la vente (Entrée)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="200"/>
        <source>Back (Esc)</source>
        <translation>Retour (Échap)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="228"/>
        <source>To pay: {amount}</source>
        <translation>À payer : {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="230"/>
        <source>Fully paid</source>
        <translation>Entièrement payé</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="277"/>
        <source>Change due: {amount}</source>
        <translation>Monnaie à rendre : {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="316"/>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="353"/>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Cash: {amount}</source>
        <translation>Espèces : {amount}</translation>
    </message>
    <message>
        <source>(tendered {tendered}, change {change})</source>
        <translation>(remis {tendered}, monnaie {change})</translation>
    </message>
    <message>
        <source>Card ****{last4}: {amount}</source>
        <translation>Carte ****{last4} : {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py"/>
        <source>C&amp;urrency handed over</source>
        <translation>D&amp;evise remise</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py"/>
        <source>Chan&amp;ge in</source>
        <translation>Monnaie rendue e&amp;n</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py"/>
        <source>= {value}</source>
        <translation>= {value}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py"/>
        <source>= {amounts} at the day&apos;s rate</source>
        <translation>= {amounts} au taux du jour</translation>
    </message>
</context>
<context>
    <name>PlanBox</name>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="58"/>
        <source>Plan and balance</source>
        <translation>Forfait et solde</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="62"/>
        <source>Plan</source>
        <translation>Offre</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="63"/>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="64"/>
        <source>Next fee</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="65"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="66"/>
        <source>Connect+</source>
        <translation>Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="71"/>
        <source>Top up… (Ctrl+T)</source>
        <translation>Recharger… (Ctrl+T)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/plan_box.py" line="81"/>
        <source>{plan}: {fee} every %n day(s)</source>
        <translation>
            <numerusform>{plan} : {fee} par jour</numerusform>
            <numerusform>{plan} : {fee} tous les %n jours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="96"/>
        <source>Connect+ opt-in</source>
        <translation>Activer Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="96"/>
        <source>Connect+ opt-out</source>
        <translation>Désactiver Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="101"/>
        <source>Plan paid until {date}</source>
        <translation>Forfait payé jusqu'au {date}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="104"/>
        <source>Connect+ active since {date} ({fee} a day)</source>
        <translation>Connect+ actif depuis le {date} ({fee} par jour)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="109"/>
        <source>Suspended: no period paid yet</source>
        <translation>Suspendu : aucune période payée</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="111"/>
        <source>Suspended: this plan has no Connect+, the full fee reconnects</source>
        <translation>Suspendu : pas de Connect+ sur ce forfait, le paiement du forfait rétablit le service</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="114"/>
        <source>Suspended: the 5 days are over, only the full fee reconnects</source>
        <translation>Suspendu : les 5 jours sont passés, seul le paiement du forfait rétablit le service</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="116"/>
        <source>Suspended: Connect+ switched off by the customer</source>
        <translation>Suspendu : Connect+ désactivé par le client</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="117"/>
        <source>Suspended: balance below the Connect+ daily fee</source>
        <translation>Suspendu : solde inférieur au tarif journalier de Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="118"/>
        <source>Suspended: Connect+ activation limit reached</source>
        <translation>Suspendu : limite d'activations de Connect+ atteinte</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="120"/>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="122"/>
        <source>{amount} more renews the plan</source>
        <translation>{amount} de plus renouvelle le forfait</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="130"/>
        <source>not available on this plan</source>
        <translation>non disponible sur ce forfait</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="132"/>
        <source>activations {used} of {max} in {days} days</source>
        <translation>activations {used} sur {max} en {days} jours</translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/plan_box.py" line="133"/>
        <source>%n day(s) left to pay the fee</source>
        <translation>
            <numerusform>%n jour restant pour payer le forfait</numerusform>
            <numerusform>%n jours restants pour payer le forfait</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="142"/>
        <source>opted out</source>
        <translation>désactivé par le client</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="92"/>
        <source>Receipt {number}</source>
        <translation>Reçu {number}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="94"/>
        <source>&amp;Print (Ctrl+P)</source>
        <translation>&amp;Imprimer (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="95"/>
        <source>&amp;Save as PDF (Ctrl+S)</source>
        <translation>&amp;Enregistrer en PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="96"/>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="126"/>
        <source>Save receipt</source>
        <translation>Enregistrer le reçu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="136"/>
        <source>The printer could not be opened</source>
        <translation>Impossible d&apos;ouvrir l&apos;imprimante</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="145"/>
        <source>Sent to the printer</source>
        <translation>Envoyé à l&apos;imprimante</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="153"/>
        <source>Saved: {path}</source>
        <translation>Enregistré : {path}</translation>
    </message>
    <message>
        <source>Daily sales summary {date}</source>
        <translation>Récapitulatif des ventes du jour {date}</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Facture {number}</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajuster à la largeur</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoom avant (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Zoom arrière (Ctrl+-)</translation>
    </message>
    <message>
        <source>Fit the page to the width (Ctrl+0)</source>
        <translation>Ajuster la page à la largeur (Ctrl+0)</translation>
    </message>
    <message>
        <source>Save daily report</source>
        <translation>Enregistrer le rapport du jour</translation>
    </message>
    <message>
        <source>Save invoice</source>
        <translation>Enregistrer la facture</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="141"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="143"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="144"/>
        <source>Receipt &amp;format</source>
        <translation>&amp;Format du reçu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="145"/>
        <source>Print receipts straight to the default printer</source>
        <translation>Imprimer les reçus directement sur l&apos;imprimante par défaut</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="146"/>
        <source>Lock after this many idle minutes</source>
        <translation>Verrouiller après ce nombre de minutes d&apos;inactivité</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="149"/>
        <source>Outlet (administrators)</source>
        <translation>Point de vente (administrateurs)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="151"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="152"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="153"/>
        <source>Takes cards</source>
        <translation>Accepte les cartes</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="156"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="157"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Closing the day (administrators)</source>
        <translation>Clôture de la journée (administrateurs)</translation>
    </message>
    <message>
        <source>Blind close: the counter sees the expected cash only after the count</source>
        <translation>Clôture à l&apos;aveugle : le comptoir ne voit le montant attendu qu&apos;après le comptage</translation>
    </message>
    <message>
        <source>A {currency} variance above this needs a comment</source>
        <translation>Un écart en {currency} au-delà de ce montant demande un commentaire</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py"/>
        <source>Customer-service desk…</source>
        <translation>Service client…</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/sync_status.py" line="73"/>
        <source>Not linked to HQ · %n record(s) waiting</source>
        <translation>
            <numerusform>Non relié au siège · %n enregistrement en attente</numerusform>
            <numerusform>Non relié au siège · %n enregistrements en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="76"/>
        <source>Online · last sync {time} · {count} waiting</source>
        <translation>En ligne · dernière synchro {time} · {count} en attente</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="81"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/sync_status.py" line="83"/>
        <source>Offline · %n record(s) waiting · last sync {time}</source>
        <translation>
            <numerusform>Hors ligne · %n enregistrement en attente · dernière synchro {time}</numerusform>
            <numerusform>Hors ligne · %n enregistrements en attente · dernière synchro {time}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="108"/>
        <location filename="../../konnect_pos/ui/sync_status.py" line="126"/>
        <source>Sending sales to headquarters…</source>
        <translation>Envoi des ventes au siège…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="109"/>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="127"/>
        <source>Receiving customers…</source>
        <translation>Réception des clients…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="129"/>
        <source>Receiving catalog and users…</source>
        <translation>Réception du catalogue et des utilisateurs…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="139"/>
        <source>This terminal is not linked to headquarters yet: run konnect-pos sync link</source>
        <translation>Ce terminal n&apos;est pas encore relié au siège : lancez konnect-pos sync link</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="41"/>
        <source>No bundle yet</source>
        <translation>Aucun forfait pour le moment</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="45"/>
        <source>used</source>
        <translation>utilisé</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="46"/>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="47"/>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="60"/>
        <source>No bundle yet: the account is dormant</source>
        <translation>Aucun forfait : le compte est inactif</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="104"/>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="151"/>
        <source>Top up {account}</source>
        <translation>Recharger {account}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="156"/>
        <source>Balance now</source>
        <translation>Solde actuel</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="157"/>
        <source>&amp;Amount</source>
        <translation>&amp;Montant</translation>
    </message>
    <message>
        <source>Plan fee</source>
        <translation>Prix du forfait</translation>
    </message>
    <message>
        <source>Renews the plan now</source>
        <translation>Renouvelle le forfait maintenant</translation>
    </message>
    <message numerus="yes">
        <source>{plan}: {fee} every %n day(s)</source>
        <translation>
            <numerusform>{plan} : {fee} par jour</numerusform>
            <numerusform>{plan} : {fee} tous les %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>no period has been paid yet</source>
        <translation>aucune période n'a encore été payée</translation>
    </message>
    <message>
        <source>this plan has no Connect+</source>
        <translation>ce forfait n'a pas Connect+</translation>
    </message>
    <message>
        <source>the Connect+ days are over, only the full fee reconnects</source>
        <translation>les jours Connect+ sont passés, seul le prix complet reconnecte</translation>
    </message>
    <message>
        <source>the customer switched Connect+ off (*257*7# switches it on)</source>
        <translation>le client a désactivé Connect+ (*257*7# le réactive)</translation>
    </message>
    <message>
        <source>the balance stays below the Connect+ daily fee</source>
        <translation>le solde reste sous le prix journalier de Connect+</translation>
    </message>
    <message>
        <source>Connect+ has reached its activation limit</source>
        <translation>Connect+ a atteint sa limite d'activations</translation>
    </message>
    <message>
        <source>the service stays suspended</source>
        <translation>le service reste suspendu</translation>
    </message>
    <message>
        <source>A smaller amount only goes on the balance: {reason}.</source>
        <translation>Un montant inférieur va seulement sur le solde : {reason}.</translation>
    </message>
    <message>
        <source>A smaller amount goes on the balance and Connect+ keeps the customer online at {fee} a day.</source>
        <translation>Un montant inférieur va sur le solde et Connect+ garde le client connecté à {fee} par jour.</translation>
    </message>
    <message>
        <source>A smaller amount goes on the balance; from {amount} it also starts Connect+ at {fee} a day.</source>
        <translation>Un montant inférieur va sur le solde ; à partir de {amount}, il active aussi Connect+ à {fee} par jour.</translation>
    </message>
    <message>
        <source>This amount renews the plan now.</source>
        <translation>Ce montant renouvelle le forfait maintenant.</translation>
    </message>
    <message>
        <source>This amount goes on the balance and Connect+ runs.</source>
        <translation>Ce montant va sur le solde et Connect+ fonctionne.</translation>
    </message>
    <message>
        <source>This amount only goes on the balance.</source>
        <translation>Ce montant va seulement sur le solde.</translation>
    </message>
    <message>
        <source>not needed: paid until {date}</source>
        <translation>pas nécessaire : payé jusqu'au {date}</translation>
    </message>
    <message>
        <source>A top-up now waits on the balance, which already covers the next fee on {date}.</source>
        <translation>Une recharge maintenant reste sur le solde, qui couvre déjà le prochain prix le {date}.</translation>
    </message>
    <message>
        <source>A top-up now waits on the balance for the next fee on {date}: {amount} more covers it.</source>
        <translation>Une recharge maintenant reste sur le solde pour le prochain prix le {date} : {amount} de plus le couvre.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="147"/>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="149"/>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="152"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="149"/>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="153"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="149"/>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="154"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="149"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="155"/>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="159"/>
        <source>Add user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="160"/>
        <source>Reset PIN</source>
        <translation>Réinitialiser le code PIN</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="161"/>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="162"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="176"/>
        <source>locked</source>
        <translation>verrouillé</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="176"/>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="178"/>
        <source>deactivated</source>
        <translation>désactivé</translation>
    </message>
</context>
<context>
    <name>ExchangeRateDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>Today's exchange rate</source>
        <translation>Taux de change du jour</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>&amp;{quote} for 1 {base}</source>
        <translation>&amp;{quote} pour 1 {base}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>In force: {rate}</source>
        <translation>En vigueur : {rate}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>No rate is set yet: cash in {quote} is refused until one is.</source>
        <translation>Aucun taux n'est encore fixé : les espèces en {quote} sont refusées tant qu'il n'y en a pas.</translation>
    </message>
</context>
<context>
    <name>RateLine</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>No exchange rate set today (Ctrl+E)</source>
        <translation>Aucun taux de change fixé aujourd'hui (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>Rate: {rate}</source>
        <translation>Taux : {rate}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>(set for {date})</source>
        <translation>(fixé pour le {date})</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
</context>
<context>
    <name>ManagerMenu</name>
    <message>
        <source>Open the cash drawer</source>
        <translation>Ouvrir le tiroir-caisse</translation>
    </message>
    <message>
        <source>Only a manager can open the cash drawer without a sale.</source>
        <translation>Seul un responsable peut ouvrir le tiroir-caisse sans vente.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Commission statement…</source>
        <translation>Relevé de commissions…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Catalog: bundles and plans…</source>
        <translation>Catalogue : forfaits et abonnements…</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinting</name>
    <message>
        <source>Printing the receipt…</source>
        <translation>Impression du reçu…</translation>
    </message>
    <message>
        <source>Receipt {number} printed, drawer opened</source>
        <translation>Reçu {number} imprimé, tiroir ouvert</translation>
    </message>
    <message>
        <source>Receipt {number} printed</source>
        <translation>Reçu {number} imprimé</translation>
    </message>
    <message>
        <source>No receipt printer is set: choose one in Settings</source>
        <translation>Aucune imprimante de reçus n'est choisie : choisissez-en une dans les Paramètres</translation>
    </message>
    <message>
        <source>Cash drawer opened</source>
        <translation>Tiroir-caisse ouvert</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinterBox</name>
    <message>
        <source>No receipt printer is set: choose one in Settings</source>
        <translation>Aucune imprimante de reçus n'est choisie : choisissez-en une dans les Paramètres</translation>
    </message>
    <message>
        <source>&amp;Printer</source>
        <translation>&amp;Imprimante</translation>
    </message>
    <message>
        <source>Empty: receipts print through the PDF preview</source>
        <translation>Vide : les reçus s'impriment par l'aperçu PDF</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Largeur du papier</translation>
    </message>
    <message>
        <source>Receipt printer (ESC/POS)</source>
        <translation>Imprimante de reçus (ESC/POS)</translation>
    </message>
    <message>
        <source>Print a &amp;test page</source>
        <translation>Imprimer une page de &amp;test</translation>
    </message>
    <message>
        <source>Sending a test page…</source>
        <translation>Envoi d'une page de test…</translation>
    </message>
    <message>
        <source>Test page sent</source>
        <translation>Page de test envoyée</translation>
    </message>
</context>
<context>
    <name>CrashLogBox</name>
    <message>
        <location filename="../../ui/crash_log_box.py"/>
        <source>Crash logs</source>
        <translation>Journaux de plantage</translation>
    </message>
    <message>
        <location filename="../../ui/crash_log_box.py"/>
        <source>Send crash logs to headquarters</source>
        <translation>Envoyer les journaux de plantage au siège</translation>
    </message>
    <message>
        <location filename="../../ui/crash_log_box.py"/>
        <source>Crash logs are in {folder}</source>
        <translation>Les journaux de plantage sont dans {folder}</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message numerus="yes">
        <source>{plan}: {fee} every %n day(s)</source>
        <translation>
            <numerusform>{plan} : {fee} par jour</numerusform>
            <numerusform>{plan} : {fee} tous les %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Put {account} on a plan</source>
        <translation>Abonner {account} à une offre</translation>
    </message>
    <message>
        <source>Change the plan of {account}</source>
        <translation>Changer l'offre de {account}</translation>
    </message>
    <message>
        <source>No plan yet: the plan starts when a top-up covers its fee</source>
        <translation>Pas encore d'offre : l'offre démarre quand une recharge couvre son prix</translation>
    </message>
    <message>
        <source>Current plan: {plan}</source>
        <translation>Offre actuelle : {plan}</translation>
    </message>
    <message>
        <source>Changes to {plan} at the renewal on {date}</source>
        <translation>Passe à {plan} au renouvellement du {date}</translation>
    </message>
    <message>
        <source>current plan</source>
        <translation>offre actuelle</translation>
    </message>
    <message>
        <source>The plan starts when the balance covers its fee.</source>
        <translation>L'offre démarre quand le solde couvre son prix.</translation>
    </message>
    <message>
        <source>The change is immediate when the balance covers the new fee (the unused days of the current period are credited back); otherwise it takes effect at the next renewal. Choosing the current plan cancels a waiting change.</source>
        <translation>Le changement est immédiat quand le solde couvre le nouveau prix (les jours non utilisés de la période en cours sont recrédités) ; sinon il prend effet au prochain renouvellement. Choisir l'offre actuelle annule un changement en attente.</translation>
    </message>
    <message>
        <source>Plan history</source>
        <translation>Historique des offres</translation>
    </message>
    <message>
        <source>No plan history</source>
        <translation>Aucun historique d'offre</translation>
    </message>
    <message>
        <source>Put on this plan</source>
        <translation>Abonner à cette offre</translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation>Changer d'offre</translation>
    </message>
    <message>
        <source>put on {to} from {date}</source>
        <translation>abonné à {to} à partir du {date}</translation>
    </message>
    <message>
        <source>changed from {from} to {to} on {date}</source>
        <translation>passé de {from} à {to} le {date}</translation>
    </message>
    <message>
        <source>changes from {from} to {to} at the renewal on {date}</source>
        <translation>passe de {from} à {to} au renouvellement du {date}</translation>
    </message>
    <message>
        <source>the change to {from} was cancelled: stays on {to}</source>
        <translation>le passage à {from} est annulé : reste sur {to}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_dialog.py"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PlanBox</name>
    <message>
        <source>Change plan… (Ctrl+Shift+P)</source>
        <translation>Changer d'offre… (Ctrl+Maj+P)</translation>
    </message>
    <message>
        <source>Changes to {plan} at the renewal on {date}</source>
        <translation>Passe à {plan} au renouvellement du {date}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="58"/>
        <source>Plan and balance</source>
        <translation>Forfait et solde</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="62"/>
        <source>Plan</source>
        <translation>Offre</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="63"/>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="64"/>
        <source>Next fee</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="65"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="66"/>
        <source>Connect+</source>
        <translation>Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="71"/>
        <source>Top up… (Ctrl+T)</source>
        <translation>Recharger… (Ctrl+T)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/plan_box.py" line="81"/>
        <source>{plan}: {fee} every %n day(s)</source>
        <translation>
            <numerusform>{plan} : {fee} par jour</numerusform>
            <numerusform>{plan} : {fee} tous les %n jours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="96"/>
        <source>Connect+ opt-in</source>
        <translation>Activer Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="96"/>
        <source>Connect+ opt-out</source>
        <translation>Désactiver Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="101"/>
        <source>Plan paid until {date}</source>
        <translation>Forfait payé jusqu'au {date}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="104"/>
        <source>Connect+ active since {date} ({fee} a day)</source>
        <translation>Connect+ actif depuis le {date} ({fee} par jour)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="109"/>
        <source>Suspended: no period paid yet</source>
        <translation>Suspendu : aucune période payée</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="111"/>
        <source>Suspended: this plan has no Connect+, the full fee reconnects</source>
        <translation>Suspendu : pas de Connect+ sur ce forfait, le paiement du forfait rétablit le service</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="114"/>
        <source>Suspended: the 5 days are over, only the full fee reconnects</source>
        <translation>Suspendu : les 5 jours sont passés, seul le paiement du forfait rétablit le service</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="116"/>
        <source>Suspended: Connect+ switched off by the customer</source>
        <translation>Suspendu : Connect+ désactivé par le client</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="117"/>
        <source>Suspended: balance below the Connect+ daily fee</source>
        <translation>Suspendu : solde inférieur au tarif journalier de Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="118"/>
        <source>Suspended: Connect+ activation limit reached</source>
        <translation>Suspendu : limite d'activations de Connect+ atteinte</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="120"/>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="122"/>
        <source>{amount} more renews the plan</source>
        <translation>{amount} de plus renouvelle le forfait</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="130"/>
        <source>not available on this plan</source>
        <translation>non disponible sur ce forfait</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="132"/>
        <source>activations {used} of {max} in {days} days</source>
        <translation>activations {used} sur {max} en {days} jours</translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/plan_box.py" line="133"/>
        <source>%n day(s) left to pay the fee</source>
        <translation>
            <numerusform>%n jour restant pour payer le forfait</numerusform>
            <numerusform>%n jours restants pour payer le forfait</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="142"/>
        <source>opted out</source>
        <translation>désactivé par le client</translation>
    </message>
</context>
<context>
    <name>SetPlanButton</name>
    <message>
        <source>Put on a plan… (Ctrl+Shift+P)</source>
        <translation>Abonner à une offre… (Ctrl+Maj+P)</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <source>Find the customer first (F2)</source>
        <translation>Recherchez d'abord le client (F2)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>This customer has no plan with a balance</source>
        <translation>Ce client n'a pas de forfait avec solde</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>Switch Connect+ back on for {account}?</source>
        <translation>Réactiver Connect+ pour {account} ?</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>Switch Connect+ off for {account}? It will not start again until they opt in.</source>
        <translation>Désactiver Connect+ pour {account} ? Il ne redémarrera pas avant une nouvelle activation par le client.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>Connect+</source>
        <translation>Connect+</translation>
    </message>
</context>
<context>
    <name>FloatStatus</name>
    <message>
        <location filename="../../ui/counter/float_status.py"/>
        <source>Ctrl+Shift+L: a manager lifts the offline limits until the next sync</source>
        <translation>Ctrl+Maj+L : un responsable lève les limites hors ligne jusqu'à la prochaine synchronisation</translation>
    </message>
    <message>
        <location filename="../../ui/counter/float_status.py"/>
        <source>Float left: {amount}</source>
        <translation>Provision restante : {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/float_status.py"/>
        <source>{sales} sale(s)</source>
        <translation>{sales} vente(s)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/float_status.py"/>
        <source>Offline allowance: {left}</source>
        <translation>Reste hors ligne : {left}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/float_status.py"/>
        <source>Sync soon! {text}</source>
        <translation>Synchronisez bientôt ! {text}</translation>
    </message>
</context>
<context>
    <name>OfflineOverrideDialog</name>
    <message>
        <location filename="../../ui/counter/offline_override.py"/>
        <source>Lift the offline limits</source>
        <translation>Lever les limites hors ligne</translation>
    </message>
    <message>
        <location filename="../../ui/counter/offline_override.py"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../ui/counter/offline_override.py"/>
        <source>Lift until the next sync</source>
        <translation>Lever jusqu'à la prochaine synchronisation</translation>
    </message>
</context>
<context>
    <name>CommissionDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Commission statement</source>
        <translation>Relevé de commissions</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>A4 PDF…</source>
        <translation>PDF A4…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Entry</source>
        <translation>Écriture</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Bundle</source>
        <translation>Forfait</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Commission</source>
        <translation>Commission</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>sale</source>
        <translation>vente</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>void</source>
        <translation>annulation</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>refund</source>
        <translation>remboursement</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Sales {sales}, lines: {lines}, voids and refunds {reversed}, net {net}</source>
        <translation>Ventes {sales}, lignes : {lines}, annulations et remboursements {reversed}, net {net}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Commission earned {earned}, taken back {back}, net {net}; owed to Konnect {owed}</source>
        <translation>Commission gagnée {earned}, reprise {back}, nette {net} ; dû à Konnect {owed}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>No sale in this period</source>
        <translation>Aucune vente sur cette période</translation>
    </message>
</context>
<context>
    <name>CallerLine</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/caller_line.py"/>
        <source>Caller from {country}</source>
        <translation>Appelant : {country}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/caller_line.py"/>
        <source>Customer Service {hours}, {phone}</source>
        <translation>Service client {hours}, {phone}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/caller_line.py"/>
        <source>Monday to Saturday, 9am–6pm</source>
        <translation>du lundi au samedi, de 9 h à 18 h</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/caller_line.py"/>
        <source>mobile money only: {numbers}</source>
        <translation>mobile money uniquement : {numbers}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/caller_line.py"/>
        <source>no merchant number set</source>
        <translation>aucun numéro marchand</translation>
    </message>
</context>
<context>
    <name>CatalogListDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_list.py"/>
        <source>All bundles ({count})</source>
        <translation>Tous les forfaits ({count})</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_list.py"/>
        <source>Type part of a name or code</source>
        <translation>Tapez une partie du nom ou du code</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_list.py"/>
        <source>↑/↓ choose · Enter adds to the cart · Esc closes</source>
        <translation>↑/↓ choisir · Entrée ajoute au panier · Échap ferme</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>&amp;Kind of outlet</source>
        <translation>&amp;Type de point de vente</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Customer Service (by phone)</source>
        <translation>Service client (par téléphone)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Customer-service desk</source>
        <translation>Service client</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Distributor</source>
        <translation>Distributeur</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Konnect shop</source>
        <translation>Boutique Konnect</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Merchant numbers given to callers of each country</source>
        <translation>Numéros marchands donnés aux appelants de chaque pays</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>CatalogManagerDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Change selected</source>
        <translation>&amp;Modifier la sélection</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Days</source>
        <translation>&amp;Jours</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;From</source>
        <translation>À &amp;partir du</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;GB</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Price</source>
        <translation>P&amp;rix</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Retire selected</source>
        <translation>&amp;Retirer la sélection</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Bundle</source>
        <translation>Forfait</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>C&amp;ode</source>
        <translation>C&amp;ode</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Catalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Choose a bundle or plan in the list first</source>
        <translation>Choisissez d'abord un forfait ou un abonnement dans la liste</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Plan</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Saved: {code}</source>
        <translation>Enregistré : {code}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>retired</source>
        <translation>retiré</translation>
    </message>
</context>
<context>
    <name>ReceiptMessageDialog</name>
    <message>
        <source>Send receipt {number}</source>
        <translation>Envoyer le reçu {number}</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone :</translation>
    </message>
    <message>
        <source>Send by:</source>
        <translation>Envoyer par :</translation>
    </message>
    <message>
        <source>&amp;SMS</source>
        <translation>&amp;SMS</translation>
    </message>
    <message>
        <source>&amp;WhatsApp</source>
        <translation>&amp;WhatsApp</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>SMS parts: {n}</source>
        <translation>Parties SMS : {n}</translation>
    </message>
    <message>
        <source>WhatsApp: one message</source>
        <translation>WhatsApp : un seul message</translation>
    </message>
    <message>
        <source>WhatsApp message queued for {phone}</source>
        <translation>Message WhatsApp en file d'attente pour {phone}</translation>
    </message>
    <message>
        <source>SMS queued for {phone} (parts: {n})</source>
        <translation>SMS en file d'attente pour {phone} (parties : {n})</translation>
    </message>
</context>
<context>
    <name>SendReceiptButton</name>
    <message>
        <source>Send by SMS… (Ctrl+Shift+M)</source>
        <translation>Envoyer par SMS… (Ctrl+Maj+M)</translation>
    </message>
</context>
</TS>
