<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sw_TZ">
<context>
    <name>AdviceLine</name>
    <message>
        <location filename="../../ui/counter/bundle_advice.py"/>
        <source>Add (F8)</source>
        <translation>Ongeza (F8)</translation>
    </message>
</context>
<context>
    <name>OutletFinder</name>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>&amp;Outlets</source>
        <translation>&amp;Vituo</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Nearest shops and distributors…</source>
        <translation>Maduka na wasambazaji walio karibu zaidi…</translation>
    </message>
</context>
<context>
    <name>OutletFinderDialog</name>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Nearest to {town}:</source>
        <translation>Yaliyo karibu zaidi na {town}:</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>No shop or distributor in the directory</source>
        <translation>Hakuna duka wala msambazaji kwenye orodha</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Nearest shops and distributors</source>
        <translation>Maduka na wasambazaji walio karibu zaidi</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Caller's &amp;town</source>
        <translation>&amp;Mji wa mpigaji simu</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>&amp;Show</source>
        <translation>&amp;Onyesha</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Shops and distributors</source>
        <translation>Maduka na wasambazaji</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Shops</source>
        <translation>Maduka</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Distributors</source>
        <translation>Wasambazaji</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Type or pick a town, then Enter</source>
        <translation>Andika au chagua mji, kisha Enter</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Outlet</source>
        <translation>Kituo</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Kind</source>
        <translation>Aina</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Distance</source>
        <translation>Umbali</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Address</source>
        <translation>Anwani</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Hours</source>
        <translation>Saa za kazi</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Phone</source>
        <translation>Simu</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Takes</source>
        <translation>Inapokea</translation>
    </message>
    <message>
        <location filename="../../ui/counter/outlet_finder.py"/>
        <source>Code</source>
        <translation>Msimbo</translation>
    </message>
</context>
<context>
    <name>ApprovalWidget</name>
    <message>
        <location filename="../../konnect_pos/ui/approval_widget.py"/>
        <source>A manager approves</source>
        <translation>Idhini ya meneja</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/approval_widget.py"/>
        <source>Appro&amp;ved by</source>
        <translation>&amp;Imeidhinishwa na</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/approval_widget.py"/>
        <source>Manager&apos;s &amp;PIN</source>
        <translation>&amp;PIN ya meneja</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/approval_widget.py"/>
        <source>The manager types their PIN</source>
        <translation>Meneja aandike PIN yake</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/approval_widget.py"/>
        <source>Nobody at this terminal can approve this.</source>
        <translation>Hakuna mtu kwenye terminal hii anayeweza kuidhinisha hili.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="69"/>
        <source>Audit trail</source>
        <translation>Kumbukumbu za ukaguzi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="70"/>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="78"/>
        <source>User</source>
        <translation>Mtumiaji</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="71"/>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="77"/>
        <source>Action</source>
        <translation>Kitendo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="72"/>
        <source>Filter</source>
        <translation>Chuja</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="75"/>
        <source>When</source>
        <translation>Lini</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="76"/>
        <source>Terminal</source>
        <translation>Kituo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="79"/>
        <source>Approved by</source>
        <translation>Imeidhinishwa na</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="80"/>
        <source>About</source>
        <translation>Kuhusu</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Backups</source>
        <translation>Nakala rudufu</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Day close backs up to (USB stick)</source>
        <translation>Kufunga siku kunahifadhi kwenye (diski ya USB)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Backups kept</source>
        <translation>Nakala rudufu zinazohifadhiwa</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Back up now</source>
        <translation>Hifadhi nakala sasa</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Restore…</source>
        <translation>Rejesha…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Backing up…</source>
        <translation>Inahifadhi nakala…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Backup written: {path}</source>
        <translation>Nakala rudufu imeandikwa: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Restore a backup</source>
        <translation>Rejesha nakala rudufu</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Replace this terminal's data with {name}? The data as it is now is kept aside, and Konnect POS closes after the restore.</source>
        <translation>Badilisha data ya kituo hiki kwa {name}? Data ilivyo sasa inahifadhiwa kando, na Konnect POS itafungwa baada ya kurejesha.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Restoring…</source>
        <translation>Inarejesha…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_box.py"/>
        <source>Restored from {name}: {sales} sales, journal verified. The data as it was is kept as {aside}</source>
        <translation>Imerejeshwa kutoka {name}: mauzo {sales}, jarida limethibitishwa. Data ya awali imehifadhiwa kama {aside}</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup failed: {reason}</source>
        <translation>Nakala rudufu imeshindwa: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup: never</source>
        <translation>Nakala rudufu: haijawahi</translation>
    </message>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup: just now</source>
        <translation>Nakala rudufu: sasa hivi</translation>
    </message>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup: {n} min ago</source>
        <translation>Nakala rudufu: dakika {n} zilizopita</translation>
    </message>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup: {n} h ago</source>
        <translation>Nakala rudufu: saa {n} zilizopita</translation>
    </message>
    <message>
        <location filename="../../ui/counter/backup_status.py"/>
        <source>Backup: {n} d ago</source>
        <translation>Nakala rudufu: siku {n} zilizopita</translation>
    </message>
</context>
<context>
    <name>CartWidget</name>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="43"/>
        <source>Bundle</source>
        <translation>Kifurushi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="43"/>
        <source>Activation</source>
        <translation>Uamilishaji</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="43"/>
        <source>Price</source>
        <translation>Bei</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="48"/>
        <source>At the end of the period</source>
        <translation>Mwishoni mwa mwezi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="49"/>
        <source>When the data runs out</source>
        <translation>Data ya kasi ya juu ikitumika</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/cart_widget.py" line="93"/>
        <source>Now</source>
        <translation>Sasa</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="237"/>
        <source>Cash in / cash out</source>
        <translation>Kuingiza / kutoa pesa taslimu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="238"/>
        <source>Cash out (expense, bank drop)</source>
        <translation>Kutoa (matumizi, kupeleka benki)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="239"/>
        <source>Cash in</source>
        <translation>Kuingiza</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="241"/>
        <source>Movement</source>
        <translation>Harakati</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="242"/>
        <source>Amount</source>
        <translation>Kiasi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="243"/>
        <source>Currency</source>
        <translation>Sarafu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="244"/>
        <source>Reason</source>
        <translation>Sababu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="249"/>
        <source>Record</source>
        <translation>Rekodi</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="174"/>
        <source>Conflicts found by headquarters</source>
        <translation>Migongano iliyogunduliwa na makao makuu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="176"/>
        <source>Found</source>
        <translation>Imegunduliwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="176"/>
        <source>What</source>
        <translation>Nini</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="176"/>
        <source>About</source>
        <translation>Kuhusu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="176"/>
        <source>Details</source>
        <translation>Maelezo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="178"/>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="182"/>
        <source>Mobile-money reference used at two terminals</source>
        <translation>Kumbukumbu ya pesa kwa simu imetumika kwenye terminali mbili</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="183"/>
        <source>Journal altered on a terminal</source>
        <translation>Daftari limebadilishwa kwenye terminali</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="199"/>
        <source>No conflicts</source>
        <translation>Hakuna migongano</translation>
    </message>
</context>
<context>
    <name>CorporateWindow</name>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="223"/>
        <source>Corporate accounts and invoices</source>
        <translation>Akaunti za Shirika na ankara</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="224"/>
        <source>Accounts and service lines</source>
        <translation>Akaunti na laini za huduma</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="225"/>
        <source>Invoices</source>
        <translation>Ankara</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="226"/>
        <source>Find an account: company, code or tax id, then Enter</source>
        <translation>Tafuta akaunti: kampuni, msimbo au namba ya kodi, kisha Enter</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="229"/>
        <source>Account</source>
        <translation>Akaunti</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="230"/>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="238"/>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="283"/>
        <source>Company</source>
        <translation>Kampuni</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="231"/>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="249"/>
        <source>Currency</source>
        <translation>Sarafu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="232"/>
        <source>Billing day</source>
        <translation>Siku ya bili</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="233"/>
        <source>Lines</source>
        <translation>Laini</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="236"/>
        <source>Corporate account</source>
        <translation>Akaunti ya Shirika</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="239"/>
        <source>Tax id</source>
        <translation>Namba ya kodi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="240"/>
        <source>Address</source>
        <translation>Anwani</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="241"/>
        <source>Contact</source>
        <translation>Mawasiliano</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="242"/>
        <source>Phone</source>
        <translation>Simu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="243"/>
        <source>E-mail</source>
        <translation>Barua pepe</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="244"/>
        <source>Payment terms (days)</source>
        <translation>Muda wa kulipa (siku)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="245"/>
        <source>Invoice language</source>
        <translation>Lugha ya ankara</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="250"/>
        <source>Add as new account</source>
        <translation>Ongeza kama akaunti mpya</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="251"/>
        <source>Save changes</source>
        <translation>Hifadhi mabadiliko</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="252"/>
        <source>Service lines</source>
        <translation>Laini za huduma</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="255"/>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="264"/>
        <source>Kit serial</source>
        <translation>Nambari ya vifaa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="256"/>
        <source>Label</source>
        <translation>Jina</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="257"/>
        <source>Status</source>
        <translation>Hali</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="258"/>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="265"/>
        <source>Plan</source>
        <translation>Mpango</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="259"/>
        <source>Monthly price</source>
        <translation>Bei ya mwezi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="260"/>
        <source>Next cycle</source>
        <translation>Mzunguko ujao</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="261"/>
        <source>Data blocks</source>
        <translation>Vifurushi vya data</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="266"/>
        <source>Add line</source>
        <translation>Ongeza laini</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="267"/>
        <source>Preview plan change</source>
        <translation>Hakiki mabadiliko ya mpango</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="268"/>
        <source>Confirm plan change</source>
        <translation>Thibitisha mabadiliko ya mpango</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="269"/>
        <source>Pause</source>
        <translation>Sitisha</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="270"/>
        <source>Cancel line</source>
        <translation>Ghairi laini</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="271"/>
        <source>Reactivate</source>
        <translation>Amilisha tena</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="272"/>
        <source>Data blocks from the next cycle</source>
        <translation>Vifurushi vya data kuanzia mzunguko ujao</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="275"/>
        <source>Local Priority</source>
        <translation>Kipaumbele cha Eneo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="276"/>
        <source>Global Priority</source>
        <translation>Kipaumbele cha Kimataifa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="278"/>
        <source>Set quantity</source>
        <translation>Weka idadi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="279"/>
        <source>Billing date</source>
        <translation>Tarehe ya bili</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="280"/>
        <source>Run invoices</source>
        <translation>Toa ankara</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="281"/>
        <source>Preview / print</source>
        <translation>Hakiki / chapisha</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="283"/>
        <source>Invoice</source>
        <translation>Ankara</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="283"/>
        <source>Date</source>
        <translation>Tarehe</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="283"/>
        <source>Due date</source>
        <translation>Tarehe ya mwisho ya kulipa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="283"/>
        <source>Total</source>
        <translation>Jumla</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="285"/>
        <source>Close (Esc)</source>
        <translation>Funga (Esc)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="429"/>
        <source>active</source>
        <translation>inatumika</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="430"/>
        <source>pausing at the period end</source>
        <translation>itasitishwa mwishoni mwa kipindi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="431"/>
        <source>cancelling at the period end</source>
        <translation>itaghairiwa mwishoni mwa kipindi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="432"/>
        <source>paused</source>
        <translation>imesitishwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="433"/>
        <source>cancelled</source>
        <translation>imeghairiwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="491"/>
        <source>Upgrade: immediate, prorated to the end of the period</source>
        <translation>Kupandisha daraja: mara moja, kwa uwiano hadi mwisho wa kipindi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="492"/>
        <source>Downgrade: from the start of the next cycle, nothing billed now</source>
        <translation>Kushusha daraja: mwanzoni mwa mzunguko ujao, hakuna kinachotozwa sasa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="493"/>
        <source>Same price: immediate, the invoice does not change</source>
        <translation>Bei ileile: mara moja, ankara haibadiliki</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="498"/>
        <source>Effective {when}</source>
        <translation>Inaanza {when}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="502"/>
        <source>Prorated amount on the next invoice (VAT excluded): {amount}</source>
        <translation>Kiasi kwa uwiano kwenye ankara ijayo (bila VAT): {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="535"/>
        <source>Pause {serial}? It stays active until the end of the period.</source>
        <translation>Sitisha {serial}? Itabaki ikitumika hadi mwisho wa kipindi.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="536"/>
        <source>Cancel {serial}? It stays active until the end of the period.</source>
        <translation>Ghairi {serial}? Itabaki ikitumika hadi mwisho wa kipindi.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="537"/>
        <source>Reactivate {serial}? It is billed prorated, like a new line.</source>
        <translation>Amilisha tena {serial}? Itatozwa kwa uwiano, kama laini mpya.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="586"/>
        <source>{issued} issued, {already} already issued, {due} account(s) due</source>
        <translation>{issued} zimetolewa, {already} zilitolewa tayari, akaunti {due} zinadaiwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/corporate_window.py" line="615"/>
        <source>Invoice {number}</source>
        <translation>Ankara {number}</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="76"/>
        <source>Correct sale {number}</source>
        <translation>Rekebisha mauzo {number}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="77"/>
        <source>Void (same business day)</source>
        <translation>Kufuta mauzo (siku ileile ya biashara)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="78"/>
        <source>Refund</source>
        <translation>Kurejesha pesa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="79"/>
        <source>To the original payment method</source>
        <translation>Kwa njia ya malipo ya awali</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="80"/>
        <source>In cash</source>
        <translation>Kwa pesa taslimu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="82"/>
        <source>Action</source>
        <translation>Kitendo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="83"/>
        <source>&amp;Reason</source>
        <translation>&amp;Sababu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="84"/>
        <source>&amp;Amount</source>
        <translation>&amp;Kiasi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="85"/>
        <source>Refund to</source>
        <translation>Rejesha kwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="86"/>
        <source>Also remove a bundle already running</source>
        <translation>Ondoa pia kifurushi kinachoendelea</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="91"/>
        <source>Confirm</source>
        <translation>Thibitisha</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py" line="92"/>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>cash</source>
        <translation>pesa taslimu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>card</source>
        <translation>kadi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>mobile money</source>
        <translation>pesa za rununu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>Sale {number} is voided. Give back {amount} ({methods}).</source>
        <translation>Mauzo {number} yamefutwa. Rudisha {amount} ({methods}).</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>Removed from the account: {bundles}.</source>
        <translation>Vimeondolewa kwenye akaunti: {bundles}.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>{amount} refunded on sale {number}, to {method}. Still refundable: {left}.</source>
        <translation>{amount} zimerejeshwa kwa mauzo {number} ({method}). Bado inaweza kurejeshwa: {left}.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>Given back to the distributor&apos;s float: {amount}.</source>
        <translation>Imerudishwa kwenye floti ya msambazaji: {amount}.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/correction_dialog.py"/>
        <source>Hand back in cash: {amount}.</source>
        <translation>Rudisha taslimu: {amount}.</translation>
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
        <translation>Kituo {terminal} · {outlet}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Agent: {name}</source>
        <translation>Wakala: {name}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Business day: not open (Ctrl+D)</source>
        <translation>Siku ya biashara: haijafunguliwa (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Business day {date}: open</source>
        <translation>Siku ya biashara {date}: iko wazi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Business day {date}: still open, close it (Ctrl+D)</source>
        <translation>Siku ya biashara {date}: bado iko wazi, ifunge (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Business day {date}: closed</source>
        <translation>Siku ya biashara {date}: imefungwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/window.py"/>
        <source>Daily sales summary {date}</source>
        <translation>Muhtasari wa mauzo ya siku {date}</translation>
    </message>
</context>
<context>
    <name>CustomerSearchBox</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/search_box.py"/>
        <source>Find a customer (F2)</source>
        <translation>Tafuta mteja (F2)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/search_box.py"/>
        <source>Name, phone, account number or kit serial</source>
        <translation>Jina, simu, nambari ya akaunti au ya vifaa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/search_box.py"/>
        <source>New customer (F3)</source>
        <translation>Mteja mpya (F3)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/search_box.py"/>
        <source>No customer found</source>
        <translation>Hakuna mteja aliyepatikana</translation>
    </message>
</context>
<context>
    <name>SaleActions</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Bundles (1–9)</source>
        <translation>Vifurushi (1–9)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Cart</source>
        <translation>Kikapu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>The account after this sale:</source>
        <translation>Akaunti baada ya mauzo haya:</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Pay (F9)</source>
        <translation>Lipa (F9)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Find the customer first (F2)</source>
        <translation>Tafuta mteja kwanza (F2)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Subtotal: —</source>
        <translation>Jumla ndogo: —</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>VAT: —</source>
        <translation>VAT: —</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Total: —</source>
        <translation>Jumla: —</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Subtotal (excl. VAT): {amount}</source>
        <translation>Jumla ndogo (bila VAT): {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>VAT {rate}: {amount}</source>
        <translation>VAT {rate}: {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Total: {amount}</source>
        <translation>Jumla: {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>Add at least one bundle first</source>
        <translation>Ongeza kwanza angalau kifurushi kimoja</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>All bundles… (F6)</source>
        <translation>Vifurushi vyote… (F6)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/sale_actions.py"/>
        <source>All {count} bundles… (F6)</source>
        <translation>Vifurushi vyote {count}… (F6)</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>This customer has no plan with a balance</source>
        <translation>Mteja huyu hana mpango wenye salio</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>Switch Connect+ back on for {account}?</source>
        <translation>Washa tena Connect+ kwa {account}?</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>Switch Connect+ off for {account}? It will not start again until they opt in.</source>
        <translation>Zima Connect+ kwa {account}? Haitaanza tena hadi mteja aiwashe.</translation>
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
        <translation>Konnect POS ilifungwa bila kutarajiwa</translation>
    </message>
    <message>
        <location filename="../../ui/crash_notice.py"/>
        <source>Konnect POS closed unexpectedly or hit an error last time. The log is {path}</source>
        <translation>Konnect POS ilifungwa bila kutarajiwa au ilipata hitilafu mara ya mwisho. Kumbukumbu iko {path}</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <source>typed</source>
        <translation>limeandikwa</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>limethibitishwa</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>linabishaniwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="77"/>
        <source>Customer</source>
        <translation>Mteja</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="79"/>
        <source>Account</source>
        <translation>Akaunti</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="80"/>
        <source>Phone</source>
        <translation>Simu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="81"/>
        <source>Kit serial</source>
        <translation>Nambari ya vifaa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="82"/>
        <source>Status</source>
        <translation>Hali</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="83"/>
        <source>Current bundle</source>
        <translation>Kifurushi cha sasa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="86"/>
        <source>Last purchases</source>
        <translation>Manunuzi ya karibuni</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="87"/>
        <source>&amp;Reprint receipt (copy)</source>
        <translation>Chapisha &amp;tena risiti (nakala)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="88"/>
        <source>&amp;Void or refund…</source>
        <translation>&amp;Futa au rejesha pesa…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="106"/>
        <source>No customer selected (F2 to search)</source>
        <translation>Hakuna mteja aliyechaguliwa (F2 kutafuta)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="134"/>
        <source>Active</source>
        <translation>Hai</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="136"/>
        <source>Dormant (open, no bundle running)</source>
        <translation>Tulivu (wazi, hakuna kifurushi kinachoendelea)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_panel.py" line="152"/>
        <source>{bundle}: {data} left, until {date}</source>
        <translation>{bundle}: {data} zimebaki, hadi {date}</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="120"/>
        <source>Business day</source>
        <translation>Siku ya biashara</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="122"/>
        <source>No business day is open. Enter the opening float per currency.</source>
        <translation>Hakuna siku ya biashara iliyo wazi. Weka pesa za kuanzia kwa kila sarafu.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="126"/>
        <source>The day of {date} was left open past midnight: count the drawer and close it before today&apos;s day can open.</source>
        <translation>Siku ya {date} iliachwa wazi baada ya usiku wa manane: hesabu droo ya pesa na uifunge kabla ya kufungua ya leo.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="132"/>
        <source>Day {date} is open. Count the drawer by denomination to close it.</source>
        <translation>Siku ya {date} iko wazi. Hesabu droo ya pesa kwa kila noti na sarafu ili kuifunga.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="138"/>
        <source>Today&apos;s day is closed (Z {number}).</source>
        <translation>Siku ya leo imefungwa (Z {number}).</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="141"/>
        <source>Close the day</source>
        <translation>Funga siku</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="141"/>
        <source>Open the day</source>
        <translation>Fungua siku</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="143"/>
        <source>Note or coin</source>
        <translation>Noti au sarafu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="143"/>
        <source>How many</source>
        <translation>Ngapi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="144"/>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="145"/>
        <source>Comment</source>
        <translation>Maoni</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="146"/>
        <source>Manager</source>
        <translation>Meneja</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="147"/>
        <source>Manager&apos;s PIN</source>
        <translation>PIN ya meneja</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/day_dialog.py" line="177"/>
        <source>Expected {expected} · counted {counted} · variance {variance}</source>
        <translation>Inayotarajiwa {expected} · iliyohesabiwa {counted} · tofauti {variance}</translation>
    </message>
    <message>
        <source>Today&apos;s business day ({date}) is not open yet.</source>
        <translation>Siku ya leo ya biashara ({date}) bado haijafunguliwa.</translation>
    </message>
    <message>
        <source>Next: enter the opening float per currency, then press Open the day.</source>
        <translation>Hatua inayofuata: weka fedha za kuanzia kwa kila sarafu, kisha bonyeza Fungua siku.</translation>
    </message>
    <message>
        <source>Today&apos;s business day ({date}) was closed at {time} by {name} (Z {number}).</source>
        <translation>Siku ya leo ya biashara ({date}) ilifungwa saa {time} na {name} (Z {number}).</translation>
    </message>
    <message>
        <source>Nothing more can be sold today. Open the day is not available: a terminal has one business day per calendar date, so tomorrow&apos;s day can be opened after midnight.</source>
        <translation>Hakuna kinachoweza kuuzwa tena leo. Fungua siku haipatikani: kila terminal ina siku moja ya biashara kwa kila tarehe, kwa hiyo siku ya kesho inaweza kufunguliwa baada ya saa sita usiku.</translation>
    </message>
    <message>
        <source>The day of {date} (opened at {time} by {name}) was left open past midnight.</source>
        <translation>Siku ya {date} (ilifunguliwa saa {time} na {name}) iliachwa wazi baada ya saa sita usiku.</translation>
    </message>
    <message>
        <source>Business day {date} is open since {time} by {name}.</source>
        <translation>Siku ya biashara {date} iko wazi tangu saa {time}, ilifunguliwa na {name}.</translation>
    </message>
    <message>
        <source>Next: check the summary, write a comment if asked, then press Confirm and close the day. The Z report opens after the close.</source>
        <translation>Hatua inayofuata: kagua muhtasari, andika maoni ukiombwa, kisha bonyeza Thibitisha na ufunge siku. Ripoti Z hufunguka baada ya kufunga.</translation>
    </message>
    <message>
        <source>Next: count the drawer by denomination, then press Review the count (nothing is closed yet).</source>
        <translation>Hatua inayofuata: hesabu droo kwa kila aina ya noti au sarafu, kisha bonyeza Kagua hesabu (hakuna kilichofungwa bado).</translation>
    </message>
    <message>
        <source>Review the count</source>
        <translation>Kagua hesabu</translation>
    </message>
    <message>
        <source>Confirm and close the day</source>
        <translation>Thibitisha na ufunge siku</translation>
    </message>
    <message>
        <source>Today&apos;s day is already closed: the next one opens tomorrow</source>
        <translation>Siku ya leo tayari imefungwa: inayofuata itafunguliwa kesho</translation>
    </message>
    <message>
        <source>Back to the count</source>
        <translation>Rudi kwenye hesabu</translation>
    </message>
    <message>
        <source>Blind close: count what is in the drawer. The expected cash is shown once the count is in.</source>
        <translation>Kufunga bila kuona: hesabu kilichomo kwenye droo. Kiasi kinachotarajiwa kinaonyeshwa baada ya hesabu kuwasilishwa.</translation>
    </message>
    <message>
        <source>Note {value}</source>
        <translation>Noti {value}</translation>
    </message>
    <message>
        <source>Coin {value}</source>
        <translation>Sarafu {value}</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Sarafu</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Kinachotarajiwa</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Kilichohesabiwa</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Tofauti</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>Counted {counted}</source>
        <translation>Kilichohesabiwa {counted}</translation>
    </message>
    <message>
        <source>Comment (required: a variance is above the limit)</source>
        <translation>Maoni (yanahitajika: tofauti imezidi kikomo)</translation>
    </message>
    <message>
        <source>A variance above {limits} needs a comment that says why.</source>
        <translation>Tofauti inayozidi {limits} inahitaji maoni yanayoeleza sababu.</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Maoni (si lazima)</translation>
    </message>
    <message>
        <source>Every variance is within {limits}: no comment is needed.</source>
        <translation>Kila tofauti iko ndani ya {limits}: hakuna maoni yanayohitajika.</translation>
    </message>
</context>
<context>
    <name>DayStatus</name>
    <message>
        <source>Day open since {time} by {name}</source>
        <translation>Siku iko wazi tangu saa {time}, imefunguliwa na {name}</translation>
    </message>
    <message>
        <source>Day of {date} still open: a manager closes it (Ctrl+D) before selling</source>
        <translation>Siku ya {date} bado iko wazi: meneja aifunge (Ctrl+D) kabla ya kuuza</translation>
    </message>
    <message>
        <source>Day closed at {time} by {name}: a manager opens tomorrow&apos;s day</source>
        <translation>Siku imefungwa saa {time} na {name}: meneja atafungua siku ya kesho</translation>
    </message>
    <message>
        <source>Day not opened: a manager opens it (Ctrl+D)</source>
        <translation>Siku haijafunguliwa: meneja aifungue (Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="97"/>
        <source>Konnect POS: sign in</source>
        <translation>Konnect POS: ingia</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="98"/>
        <source>Locked</source>
        <translation>Imefungwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="98"/>
        <source>Konnect POS</source>
        <translation>Konnect POS</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="99"/>
        <source>&amp;User</source>
        <translation>&amp;Mtumiaji</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="100"/>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="101"/>
        <source>Sign in</source>
        <translation>Ingia</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py" line="101"/>
        <source>Unlock</source>
        <translation>Fungua</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py"/>
        <source>Locked by {name}. Anyone can unlock with their own PIN; another user starts with a clear screen.</source>
        <translation>Imefungwa na {name}. Mtu yeyote anaweza kufungua kwa PIN yake; mtumiaji mwingine ataanza na skrini tupu.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/login_window.py"/>
        <source>Opening the counter…</source>
        <translation>Inafungua kaunta…</translation>
    </message>
</context>
<context>
    <name>ManagerMenu</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>&amp;Managers</source>
        <translation>&amp;Mameneja</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Open or close the day…</source>
        <translation>Fungua au funga siku ya biashara…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Cash in / cash out…</source>
        <translation>Kuingiza / kutoa pesa taslimu…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Daily sales summary (X report)…</source>
        <translation>Muhtasari wa mauzo ya siku (ripoti X)…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Audit trail…</source>
        <translation>Kumbukumbu za ukaguzi…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Users…</source>
        <translation>Watumiaji…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Sync conflicts…</source>
        <translation>Migongano ya usawazishaji…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Corporate accounts and invoices…</source>
        <translation>Akaunti za Shirika na ankara…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Not allowed</source>
        <translation>Hairuhusiwi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Exchange rate of the day…</source>
        <translation>Kiwango cha ubadilishaji cha leo…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Only a manager can set the exchange rate.</source>
        <translation>Meneja pekee ndiye anaweza kuweka kiwango cha ubadilishaji.</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="67"/>
        <source>New customer</source>
        <translation>Mteja mpya</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="69"/>
        <source>&amp;Name</source>
        <translation>&amp;Jina</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="70"/>
        <source>&amp;Phone</source>
        <translation>&amp;Simu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="71"/>
        <source>&amp;Account number</source>
        <translation>Nambari ya &amp;akaunti</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="72"/>
        <source>&amp;Kit serial</source>
        <translation>Nambari ya &amp;vifaa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="73"/>
        <source>Receipt &amp;language</source>
        <translation>&amp;Lugha ya risiti</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="76"/>
        <source>Save</source>
        <translation>Hifadhi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/customer_dialog.py" line="77"/>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="178"/>
        <source>Payment</source>
        <translation>Malipo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="179"/>
        <source>Amount &amp;tendered</source>
        <translation>Kiasi &amp;kilichotolewa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="180"/>
        <source>Add cash payment</source>
        <translation>Ongeza malipo ya pesa taslimu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="181"/>
        <source>Pro&amp;vider</source>
        <translation>Mtoa &amp;huduma</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="182"/>
        <source>Merchant number</source>
        <translation>Nambari ya mfanyabiashara</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="183"/>
        <source>Payer&apos;s p&amp;hone</source>
        <translation>Simu ya &amp;mlipaji</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="184"/>
        <source>Transaction &amp;reference</source>
        <translation>&amp;Rejea ya muamala</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="185"/>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="189"/>
        <source>Amount (empty: all that remains)</source>
        <translation>Kiasi (tupu: chote kilichobaki)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="186"/>
        <source>Add mobile-money payment</source>
        <translation>Ongeza malipo ya pesa za rununu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="187"/>
        <source>&amp;Approval code</source>
        <translation>Msimbo wa &amp;idhini</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="188"/>
        <source>&amp;Last 4 digits</source>
        <translation>Tarakimu 4 za &amp;mwisho</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="190"/>
        <source>Add card payment</source>
        <translation>Ongeza malipo ya kadi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="192"/>
        <source>&amp;Cash</source>
        <translation>Pesa &amp;taslimu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="193"/>
        <source>&amp;Mobile money</source>
        <translation>Pesa za &amp;rununu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="194"/>
        <source>Car&amp;d</source>
        <translation>&amp;Kadi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="199"/>
        <source>Confirm sale (Enter)</source>
        <translation>Thibitisha mauzo (Enter)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="200"/>
        <source>Back (Esc)</source>
        <translation>Rudi (Esc)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="228"/>
        <source>To pay: {amount}</source>
        <translation>Ya kulipa: {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="230"/>
        <source>Fully paid</source>
        <translation>Imelipwa kikamilifu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="277"/>
        <source>Change due: {amount}</source>
        <translation>Chenji: {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="316"/>
        <source>Cash</source>
        <translation>Pesa taslimu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py" line="353"/>
        <source>Card</source>
        <translation>Kadi</translation>
    </message>
    <message>
        <source>Cash: {amount}</source>
        <translation>Fedha taslimu: {amount}</translation>
    </message>
    <message>
        <source>(tendered {tendered}, change {change})</source>
        <translation>(imetolewa {tendered}, chenji {change})</translation>
    </message>
    <message>
        <source>Card ****{last4}: {amount}</source>
        <translation>Kadi ****{last4}: {amount}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py"/>
        <source>C&amp;urrency handed over</source>
        <translation>&amp;Sarafu iliyotolewa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py"/>
        <source>Chan&amp;ge in</source>
        <translation>Chen&amp;ji kwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py"/>
        <source>= {value}</source>
        <translation>= {value}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/payment_dialog.py"/>
        <source>= {amounts} at the day&apos;s rate</source>
        <translation>= {amounts} kwa kiwango cha leo</translation>
    </message>
</context>
<context>
    <name>PlanBox</name>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="58"/>
        <source>Plan and balance</source>
        <translation>Mpango na salio</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="62"/>
        <source>Plan</source>
        <translation>Mpango</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="63"/>
        <source>Balance</source>
        <translation>Salio</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="64"/>
        <source>Next fee</source>
        <translation>Ada inayofuata</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="65"/>
        <source>Service</source>
        <translation>Huduma</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="66"/>
        <source>Connect+</source>
        <translation>Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="71"/>
        <source>Top up… (Ctrl+T)</source>
        <translation>Ongeza salio… (Ctrl+T)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/plan_box.py" line="81"/>
        <source>{plan}: {fee} every %n day(s)</source>
        <translation>
            <numerusform>{plan}: {fee} kwa siku</numerusform>
            <numerusform>{plan}: {fee} kila siku %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="96"/>
        <source>Connect+ opt-in</source>
        <translation>Washa Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="96"/>
        <source>Connect+ opt-out</source>
        <translation>Zima Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="101"/>
        <source>Plan paid until {date}</source>
        <translation>Mpango umelipwa hadi {date}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="104"/>
        <source>Connect+ active since {date} ({fee} a day)</source>
        <translation>Connect+ inatumika tangu {date} ({fee} kwa siku)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="109"/>
        <source>Suspended: no period paid yet</source>
        <translation>Imesimamishwa: hakuna kipindi kilicholipwa bado</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="111"/>
        <source>Suspended: this plan has no Connect+, the full fee reconnects</source>
        <translation>Imesimamishwa: mpango huu hauna Connect+, ada kamili inarejesha huduma</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="114"/>
        <source>Suspended: the 5 days are over, only the full fee reconnects</source>
        <translation>Imesimamishwa: siku 5 zimepita, ada kamili pekee inarejesha huduma</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="116"/>
        <source>Suspended: Connect+ switched off by the customer</source>
        <translation>Imesimamishwa: Connect+ imezimwa na mteja</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="117"/>
        <source>Suspended: balance below the Connect+ daily fee</source>
        <translation>Imesimamishwa: salio ni chini ya ada ya kila siku ya Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="118"/>
        <source>Suspended: Connect+ activation limit reached</source>
        <translation>Imesimamishwa: kikomo cha kuwasha Connect+ kimefikiwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="120"/>
        <source>Suspended</source>
        <translation>Imesimamishwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="122"/>
        <source>{amount} more renews the plan</source>
        <translation>{amount} zaidi inasasisha mpango</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="130"/>
        <source>not available on this plan</source>
        <translation>haipatikani kwenye mpango huu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="132"/>
        <source>activations {used} of {max} in {days} days</source>
        <translation>mara {used} kati ya {max} ndani ya siku {days}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/plan_box.py" line="133"/>
        <source>%n day(s) left to pay the fee</source>
        <translation>
            <numerusform>imebaki siku %n kulipa ada</numerusform>
            <numerusform>zimebaki siku %n kulipa ada</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="142"/>
        <source>opted out</source>
        <translation>imezimwa na mteja</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="92"/>
        <source>Receipt {number}</source>
        <translation>Risiti {number}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="94"/>
        <source>&amp;Print (Ctrl+P)</source>
        <translation>&amp;Chapisha (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="95"/>
        <source>&amp;Save as PDF (Ctrl+S)</source>
        <translation>&amp;Hifadhi kama PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="96"/>
        <source>Close (Esc)</source>
        <translation>Funga (Esc)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="126"/>
        <source>Save receipt</source>
        <translation>Hifadhi risiti</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="136"/>
        <source>The printer could not be opened</source>
        <translation>Printa haikuweza kufunguliwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="145"/>
        <source>Sent to the printer</source>
        <translation>Imetumwa kwa printa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/receipt_dialog.py" line="153"/>
        <source>Saved: {path}</source>
        <translation>Imehifadhiwa: {path}</translation>
    </message>
    <message>
        <source>Daily sales summary {date}</source>
        <translation>Muhtasari wa mauzo ya siku {date}</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Ankara {number}</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Jaza upana</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Kuza (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Punguza (Ctrl+-)</translation>
    </message>
    <message>
        <source>Fit the page to the width (Ctrl+0)</source>
        <translation>Jaza ukurasa kwa upana (Ctrl+0)</translation>
    </message>
    <message>
        <source>Save daily report</source>
        <translation>Hifadhi ripoti ya siku</translation>
    </message>
    <message>
        <source>Save invoice</source>
        <translation>Hifadhi ankara</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="141"/>
        <source>Settings</source>
        <translation>Mipangilio</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="143"/>
        <source>&amp;Language</source>
        <translation>&amp;Lugha</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="144"/>
        <source>Receipt &amp;format</source>
        <translation>&amp;Muundo wa risiti</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="145"/>
        <source>Print receipts straight to the default printer</source>
        <translation>Chapisha risiti moja kwa moja kwenye printa ya kawaida</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="146"/>
        <source>Lock after this many idle minutes</source>
        <translation>Funga baada ya dakika hizi bila shughuli</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="149"/>
        <source>Outlet (administrators)</source>
        <translation>Duka (wasimamizi)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="151"/>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="152"/>
        <source>Address</source>
        <translation>Anwani</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="153"/>
        <source>Takes cards</source>
        <translation>Hupokea kadi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="156"/>
        <source>Save</source>
        <translation>Hifadhi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py" line="157"/>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>Closing the day (administrators)</source>
        <translation>Kufunga siku (wasimamizi)</translation>
    </message>
    <message>
        <source>Blind close: the counter sees the expected cash only after the count</source>
        <translation>Kufunga bila kuona: kaunta inaona kiasi kinachotarajiwa baada ya hesabu tu</translation>
    </message>
    <message>
        <source>A {currency} variance above this needs a comment</source>
        <translation>Tofauti ya {currency} inayozidi kiasi hiki inahitaji maoni</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/settings.py"/>
        <source>Customer-service desk…</source>
        <translation>Dawati la Huduma kwa Wateja…</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/sync_status.py" line="73"/>
        <source>Not linked to HQ · %n record(s) waiting</source>
        <translation>
            <numerusform>Haijaunganishwa na makao makuu · rekodi %n inasubiri</numerusform>
            <numerusform>Haijaunganishwa na makao makuu · rekodi %n zinasubiri</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="76"/>
        <source>Online · last sync {time} · {count} waiting</source>
        <translation>Mtandaoni · usawazishaji wa mwisho {time} · {count} zinasubiri</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="81"/>
        <source>never</source>
        <translation>kamwe</translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/sync_status.py" line="83"/>
        <source>Offline · %n record(s) waiting · last sync {time}</source>
        <translation>
            <numerusform>Nje ya mtandao · rekodi %n inasubiri · usawazishaji wa mwisho {time}</numerusform>
            <numerusform>Nje ya mtandao · rekodi %n zinasubiri · usawazishaji wa mwisho {time}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="108"/>
        <location filename="../../konnect_pos/ui/sync_status.py" line="126"/>
        <source>Sending sales to headquarters…</source>
        <translation>Inatuma mauzo makao makuu…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="109"/>
        <source>Sync now</source>
        <translation>Sawazisha sasa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="127"/>
        <source>Receiving customers…</source>
        <translation>Inapokea wateja…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="129"/>
        <source>Receiving catalog and users…</source>
        <translation>Inapokea orodha ya bidhaa na watumiaji…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/sync_status.py" line="139"/>
        <source>This terminal is not linked to headquarters yet: run konnect-pos sync link</source>
        <translation>Terminali hii bado haijaunganishwa na makao makuu: endesha konnect-pos sync link</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="41"/>
        <source>No bundle yet</source>
        <translation>Bado hakuna kifurushi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="45"/>
        <source>used</source>
        <translation>imetumika</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="46"/>
        <source>active</source>
        <translation>hai</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="47"/>
        <source>queued</source>
        <translation>inasubiri</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="60"/>
        <source>No bundle yet: the account is dormant</source>
        <translation>Hakuna kifurushi: akaunti ni tulivu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/timeline_widget.py" line="104"/>
        <source>now</source>
        <translation>sasa</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="151"/>
        <source>Top up {account}</source>
        <translation>Ongeza salio {account}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="156"/>
        <source>Balance now</source>
        <translation>Salio sasa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="157"/>
        <source>&amp;Amount</source>
        <translation>&amp;Kiasi</translation>
    </message>
    <message>
        <source>Plan fee</source>
        <translation>Ada ya kifurushi</translation>
    </message>
    <message>
        <source>Renews the plan now</source>
        <translation>Inahuisha kifurushi sasa</translation>
    </message>
    <message numerus="yes">
        <source>{plan}: {fee} every %n day(s)</source>
        <translation>
            <numerusform>{plan}: {fee} kwa siku</numerusform>
            <numerusform>{plan}: {fee} kila siku %n</numerusform>
        </translation>
    </message>
    <message>
        <source>no period has been paid yet</source>
        <translation>bado hakuna kipindi kilicholipiwa</translation>
    </message>
    <message>
        <source>this plan has no Connect+</source>
        <translation>kifurushi hiki hakina Connect+</translation>
    </message>
    <message>
        <source>the Connect+ days are over, only the full fee reconnects</source>
        <translation>siku za Connect+ zimekwisha, ada kamili pekee ndiyo inaunganisha tena</translation>
    </message>
    <message>
        <source>the customer switched Connect+ off (*257*7# switches it on)</source>
        <translation>mteja amezima Connect+ (*257*7# inaiwasha)</translation>
    </message>
    <message>
        <source>the balance stays below the Connect+ daily fee</source>
        <translation>salio linabaki chini ya ada ya siku ya Connect+</translation>
    </message>
    <message>
        <source>Connect+ has reached its activation limit</source>
        <translation>Connect+ imefikia kikomo cha kuwashwa</translation>
    </message>
    <message>
        <source>the service stays suspended</source>
        <translation>huduma inabaki imesimamishwa</translation>
    </message>
    <message>
        <source>A smaller amount only goes on the balance: {reason}.</source>
        <translation>Kiasi kidogo zaidi kinaingia kwenye salio tu: {reason}.</translation>
    </message>
    <message>
        <source>A smaller amount goes on the balance and Connect+ keeps the customer online at {fee} a day.</source>
        <translation>Kiasi kidogo zaidi kinaingia kwenye salio na Connect+ inamweka mteja mtandaoni kwa {fee} kwa siku.</translation>
    </message>
    <message>
        <source>A smaller amount goes on the balance; from {amount} it also starts Connect+ at {fee} a day.</source>
        <translation>Kiasi kidogo zaidi kinaingia kwenye salio; kuanzia {amount} kinawasha pia Connect+ kwa {fee} kwa siku.</translation>
    </message>
    <message>
        <source>This amount renews the plan now.</source>
        <translation>Kiasi hiki kinahuisha kifurushi sasa.</translation>
    </message>
    <message>
        <source>This amount goes on the balance and Connect+ runs.</source>
        <translation>Kiasi hiki kinaingia kwenye salio na Connect+ inafanya kazi.</translation>
    </message>
    <message>
        <source>This amount only goes on the balance.</source>
        <translation>Kiasi hiki kinaingia kwenye salio tu.</translation>
    </message>
    <message>
        <source>not needed: paid until {date}</source>
        <translation>haihitajiki: imelipiwa hadi {date}</translation>
    </message>
    <message>
        <source>A top-up now waits on the balance, which already covers the next fee on {date}.</source>
        <translation>Salio linaloongezwa sasa linasubiri; salio tayari linatosha ada inayofuata tarehe {date}.</translation>
    </message>
    <message>
        <source>A top-up now waits on the balance for the next fee on {date}: {amount} more covers it.</source>
        <translation>Salio linaloongezwa sasa linasubiri ada inayofuata tarehe {date}: {amount} zaidi inatosha.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="147"/>
        <source>Users</source>
        <translation>Watumiaji</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="149"/>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="152"/>
        <source>User</source>
        <translation>Mtumiaji</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="149"/>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="153"/>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="149"/>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="154"/>
        <source>Role</source>
        <translation>Wadhifa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="149"/>
        <source>State</source>
        <translation>Hali</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="155"/>
        <source>New PIN</source>
        <translation>PIN mpya</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="159"/>
        <source>Add user</source>
        <translation>Ongeza mtumiaji</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="160"/>
        <source>Reset PIN</source>
        <translation>Weka PIN upya</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="161"/>
        <source>Deactivate</source>
        <translation>Zima</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="162"/>
        <source>Unlock</source>
        <translation>Fungua</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="176"/>
        <source>locked</source>
        <translation>imefungwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="176"/>
        <source>active</source>
        <translation>hai</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/manager_dialogs.py" line="178"/>
        <source>deactivated</source>
        <translation>imezimwa</translation>
    </message>
</context>
<context>
    <name>ExchangeRateDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>Today's exchange rate</source>
        <translation>Kiwango cha ubadilishaji cha leo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>&amp;{quote} for 1 {base}</source>
        <translation>&amp;{quote} kwa {base} 1</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>In force: {rate}</source>
        <translation>Kinachotumika: {rate}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>No rate is set yet: cash in {quote} is refused until one is.</source>
        <translation>Hakuna kiwango kilichowekwa bado: pesa taslimu za {quote} zinakataliwa hadi kiwekwe.</translation>
    </message>
</context>
<context>
    <name>RateLine</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>No exchange rate set today (Ctrl+E)</source>
        <translation>Hakuna kiwango cha ubadilishaji leo (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>Rate: {rate}</source>
        <translation>Kiwango: {rate}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/exchange_rate.py"/>
        <source>(set for {date})</source>
        <translation>(kilichowekwa kwa {date})</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Printing…</source>
        <translation>Inachapisha…</translation>
    </message>
</context>
<context>
    <name>ManagerMenu</name>
    <message>
        <source>Open the cash drawer</source>
        <translation>Fungua droo ya pesa</translation>
    </message>
    <message>
        <source>Only a manager can open the cash drawer without a sale.</source>
        <translation>Meneja pekee ndiye anaweza kufungua droo ya pesa bila mauzo.</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Commission statement…</source>
        <translation>Taarifa ya kamisheni…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/manager_menu.py"/>
        <source>Catalog: bundles and plans…</source>
        <translation>Orodha: vifurushi na mipango…</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinting</name>
    <message>
        <source>Printing the receipt…</source>
        <translation>Inachapisha risiti…</translation>
    </message>
    <message>
        <source>Receipt {number} printed, drawer opened</source>
        <translation>Risiti {number} imechapishwa, droo imefunguliwa</translation>
    </message>
    <message>
        <source>Receipt {number} printed</source>
        <translation>Risiti {number} imechapishwa</translation>
    </message>
    <message>
        <source>No receipt printer is set: choose one in Settings</source>
        <translation>Hakuna printa ya risiti iliyowekwa: chagua moja kwenye Mipangilio</translation>
    </message>
    <message>
        <source>Cash drawer opened</source>
        <translation>Droo ya pesa imefunguliwa</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinterBox</name>
    <message>
        <source>No receipt printer is set: choose one in Settings</source>
        <translation>Hakuna printa ya risiti iliyowekwa: chagua moja kwenye Mipangilio</translation>
    </message>
    <message>
        <source>&amp;Printer</source>
        <translation>&amp;Printa</translation>
    </message>
    <message>
        <source>Empty: receipts print through the PDF preview</source>
        <translation>Tupu: risiti huchapishwa kupitia onyesho la PDF</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Upana wa karatasi</translation>
    </message>
    <message>
        <source>Receipt printer (ESC/POS)</source>
        <translation>Printa ya risiti (ESC/POS)</translation>
    </message>
    <message>
        <source>Print a &amp;test page</source>
        <translation>Chapisha ukurasa wa &amp;majaribio</translation>
    </message>
    <message>
        <source>Sending a test page…</source>
        <translation>Inatuma ukurasa wa majaribio…</translation>
    </message>
    <message>
        <source>Test page sent</source>
        <translation>Ukurasa wa majaribio umetumwa</translation>
    </message>
</context>
<context>
    <name>CrashLogBox</name>
    <message>
        <location filename="../../ui/crash_log_box.py"/>
        <source>Crash logs</source>
        <translation>Kumbukumbu za hitilafu</translation>
    </message>
    <message>
        <location filename="../../ui/crash_log_box.py"/>
        <source>Send crash logs to headquarters</source>
        <translation>Tuma kumbukumbu za hitilafu makao makuu</translation>
    </message>
    <message>
        <location filename="../../ui/crash_log_box.py"/>
        <source>Crash logs are in {folder}</source>
        <translation>Kumbukumbu za hitilafu ziko katika {folder}</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message numerus="yes">
        <source>{plan}: {fee} every %n day(s)</source>
        <translation>
            <numerusform>{plan}: {fee} kwa siku</numerusform>
            <numerusform>{plan}: {fee} kila siku %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Put {account} on a plan</source>
        <translation>Mweke {account} kwenye mpango</translation>
    </message>
    <message>
        <source>Change the plan of {account}</source>
        <translation>Badilisha mpango wa {account}</translation>
    </message>
    <message>
        <source>No plan yet: the plan starts when a top-up covers its fee</source>
        <translation>Bado hana mpango: mpango unaanza pale kuongeza salio kunapolipia ada yake</translation>
    </message>
    <message>
        <source>Current plan: {plan}</source>
        <translation>Mpango wa sasa: {plan}</translation>
    </message>
    <message>
        <source>Changes to {plan} at the renewal on {date}</source>
        <translation>Unabadilika kuwa {plan} wakati wa kusasisha tarehe {date}</translation>
    </message>
    <message>
        <source>current plan</source>
        <translation>mpango wa sasa</translation>
    </message>
    <message>
        <source>The plan starts when the balance covers its fee.</source>
        <translation>Mpango unaanza pale salio linapotosha kulipia ada yake.</translation>
    </message>
    <message>
        <source>The change is immediate when the balance covers the new fee (the unused days of the current period are credited back); otherwise it takes effect at the next renewal. Choosing the current plan cancels a waiting change.</source>
        <translation>Mabadiliko ni ya papo hapo salio likitosha kulipia ada mpya (siku ambazo hazijatumika za kipindi cha sasa zinarudishwa kwenye salio); vinginevyo yanaanza wakati wa kusasisha ujao. Kuchagua mpango wa sasa kunaghairi mabadiliko yanayosubiri.</translation>
    </message>
    <message>
        <source>Plan history</source>
        <translation>Historia ya mipango</translation>
    </message>
    <message>
        <source>No plan history</source>
        <translation>Hakuna historia ya mipango</translation>
    </message>
    <message>
        <source>Put on this plan</source>
        <translation>Weka kwenye mpango huu</translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation>Badilisha mpango</translation>
    </message>
    <message>
        <source>put on {to} from {date}</source>
        <translation>amewekwa kwenye {to} kuanzia {date}</translation>
    </message>
    <message>
        <source>changed from {from} to {to} on {date}</source>
        <translation>amebadilishwa kutoka {from} kwenda {to} tarehe {date}</translation>
    </message>
    <message>
        <source>changes from {from} to {to} at the renewal on {date}</source>
        <translation>anabadilika kutoka {from} kwenda {to} wakati wa kusasisha tarehe {date}</translation>
    </message>
    <message>
        <source>the change to {from} was cancelled: stays on {to}</source>
        <translation>mabadiliko kwenda {from} yameghairiwa: anabaki kwenye {to}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_dialog.py"/>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
</context>
<context>
    <name>PlanBox</name>
    <message>
        <source>Change plan… (Ctrl+Shift+P)</source>
        <translation>Badilisha mpango… (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Changes to {plan} at the renewal on {date}</source>
        <translation>Unabadilika kuwa {plan} wakati wa kusasisha tarehe {date}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="58"/>
        <source>Plan and balance</source>
        <translation>Mpango na salio</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="62"/>
        <source>Plan</source>
        <translation>Mpango</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="63"/>
        <source>Balance</source>
        <translation>Salio</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="64"/>
        <source>Next fee</source>
        <translation>Ada inayofuata</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="65"/>
        <source>Service</source>
        <translation>Huduma</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="66"/>
        <source>Connect+</source>
        <translation>Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="71"/>
        <source>Top up… (Ctrl+T)</source>
        <translation>Ongeza salio… (Ctrl+T)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/plan_box.py" line="81"/>
        <source>{plan}: {fee} every %n day(s)</source>
        <translation>
            <numerusform>{plan}: {fee} kwa siku</numerusform>
            <numerusform>{plan}: {fee} kila siku %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="96"/>
        <source>Connect+ opt-in</source>
        <translation>Washa Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="96"/>
        <source>Connect+ opt-out</source>
        <translation>Zima Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="101"/>
        <source>Plan paid until {date}</source>
        <translation>Mpango umelipwa hadi {date}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="104"/>
        <source>Connect+ active since {date} ({fee} a day)</source>
        <translation>Connect+ inatumika tangu {date} ({fee} kwa siku)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="109"/>
        <source>Suspended: no period paid yet</source>
        <translation>Imesimamishwa: hakuna kipindi kilicholipwa bado</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="111"/>
        <source>Suspended: this plan has no Connect+, the full fee reconnects</source>
        <translation>Imesimamishwa: mpango huu hauna Connect+, ada kamili inarejesha huduma</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="114"/>
        <source>Suspended: the 5 days are over, only the full fee reconnects</source>
        <translation>Imesimamishwa: siku 5 zimepita, ada kamili pekee inarejesha huduma</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="116"/>
        <source>Suspended: Connect+ switched off by the customer</source>
        <translation>Imesimamishwa: Connect+ imezimwa na mteja</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="117"/>
        <source>Suspended: balance below the Connect+ daily fee</source>
        <translation>Imesimamishwa: salio ni chini ya ada ya kila siku ya Connect+</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="118"/>
        <source>Suspended: Connect+ activation limit reached</source>
        <translation>Imesimamishwa: kikomo cha kuwasha Connect+ kimefikiwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="120"/>
        <source>Suspended</source>
        <translation>Imesimamishwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="122"/>
        <source>{amount} more renews the plan</source>
        <translation>{amount} zaidi inasasisha mpango</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="130"/>
        <source>not available on this plan</source>
        <translation>haipatikani kwenye mpango huu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="132"/>
        <source>activations {used} of {max} in {days} days</source>
        <translation>mara {used} kati ya {max} ndani ya siku {days}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/plan_box.py" line="133"/>
        <source>%n day(s) left to pay the fee</source>
        <translation>
            <numerusform>imebaki siku %n kulipa ada</numerusform>
            <numerusform>zimebaki siku %n kulipa ada</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/plan_box.py" line="142"/>
        <source>opted out</source>
        <translation>imezimwa na mteja</translation>
    </message>
</context>
<context>
    <name>SetPlanButton</name>
    <message>
        <source>Put on a plan… (Ctrl+Shift+P)</source>
        <translation>Weka kwenye mpango… (Ctrl+Shift+P)</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <source>Find the customer first (F2)</source>
        <translation>Tafuta mteja kwanza (F2)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>This customer has no plan with a balance</source>
        <translation>Mteja huyu hana mpango wenye salio</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>Switch Connect+ back on for {account}?</source>
        <translation>Washa tena Connect+ kwa {account}?</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/plan_actions.py"/>
        <source>Switch Connect+ off for {account}? It will not start again until they opt in.</source>
        <translation>Zima Connect+ kwa {account}? Haitaanza tena hadi mteja aiwashe.</translation>
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
        <translation>Ctrl+Shift+L: meneja anaondoa vikomo vya nje ya mtandao hadi kusawazisha kunakofuata</translation>
    </message>
    <message>
        <location filename="../../ui/counter/float_status.py"/>
        <source>Float left: {amount}</source>
        <translation>Floti iliyobaki: {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/float_status.py"/>
        <source>{sales} sale(s)</source>
        <translation>mauzo {sales}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/float_status.py"/>
        <source>Offline allowance: {left}</source>
        <translation>Kilichobaki nje ya mtandao: {left}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/float_status.py"/>
        <source>Sync soon! {text}</source>
        <translation>Sawazisha hivi karibuni! {text}</translation>
    </message>
</context>
<context>
    <name>OfflineOverrideDialog</name>
    <message>
        <location filename="../../ui/counter/offline_override.py"/>
        <source>Lift the offline limits</source>
        <translation>Ondoa vikomo vya nje ya mtandao</translation>
    </message>
    <message>
        <location filename="../../ui/counter/offline_override.py"/>
        <source>Reason</source>
        <translation>Sababu</translation>
    </message>
    <message>
        <location filename="../../ui/counter/offline_override.py"/>
        <source>Lift until the next sync</source>
        <translation>Ondoa hadi kusawazisha kunakofuata</translation>
    </message>
</context>
<context>
    <name>CommissionDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Commission statement</source>
        <translation>Taarifa ya kamisheni</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>From</source>
        <translation>Kuanzia</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>To</source>
        <translation>Hadi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Show</source>
        <translation>Onyesha</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>A4 PDF…</source>
        <translation>PDF ya A4…</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Date</source>
        <translation>Tarehe</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Receipt</source>
        <translation>Risiti</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Entry</source>
        <translation>Ingizo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Bundle</source>
        <translation>Kifurushi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Amount</source>
        <translation>Kiasi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Rate</source>
        <translation>Kiwango</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Commission</source>
        <translation>Kamisheni</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>sale</source>
        <translation>mauzo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>void</source>
        <translation>kufuta mauzo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>refund</source>
        <translation>kurejesha pesa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Sales {sales}, lines: {lines}, voids and refunds {reversed}, net {net}</source>
        <translation>Mauzo {sales}, mistari: {lines}, kufuta mauzo na kurejesha pesa {reversed}, halisi {net}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>Commission earned {earned}, taken back {back}, net {net}; owed to Konnect {owed}</source>
        <translation>Kamisheni iliyopatikana {earned}, iliyorudishwa {back}, halisi {net}; deni kwa Konnect {owed}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/commission_dialog.py"/>
        <source>No sale in this period</source>
        <translation>Hakuna mauzo katika kipindi hiki</translation>
    </message>
</context>
<context>
    <name>CallerLine</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/caller_line.py"/>
        <source>Caller from {country}</source>
        <translation>Mpigaji kutoka {country}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/caller_line.py"/>
        <source>Customer Service {hours}, {phone}</source>
        <translation>Huduma kwa Wateja {hours}, {phone}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/caller_line.py"/>
        <source>Monday to Saturday, 9am–6pm</source>
        <translation>Jumatatu hadi Jumamosi, saa 3 asubuhi hadi saa 12 jioni</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/caller_line.py"/>
        <source>mobile money only: {numbers}</source>
        <translation>pesa za rununu pekee: {numbers}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/caller_line.py"/>
        <source>no merchant number set</source>
        <translation>hakuna nambari ya mfanyabiashara</translation>
    </message>
</context>
<context>
    <name>CatalogListDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_list.py"/>
        <source>All bundles ({count})</source>
        <translation>Vifurushi vyote ({count})</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_list.py"/>
        <source>Type part of a name or code</source>
        <translation>Andika sehemu ya jina au msimbo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_list.py"/>
        <source>↑/↓ choose · Enter adds to the cart · Esc closes</source>
        <translation>↑/↓ chagua · Enter huongeza kwenye kikapu · Esc hufunga</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>&amp;Kind of outlet</source>
        <translation>&amp;Aina ya kituo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Customer Service (by phone)</source>
        <translation>Huduma kwa Wateja (kwa simu)</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Customer-service desk</source>
        <translation>Dawati la Huduma kwa Wateja</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Distributor</source>
        <translation>Msambazaji</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Konnect shop</source>
        <translation>Duka la Konnect</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Merchant numbers given to callers of each country</source>
        <translation>Nambari za mfanyabiashara zinazotolewa kwa wapigaji wa kila nchi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/desk_dialog.py"/>
        <source>Save</source>
        <translation>Hifadhi</translation>
    </message>
</context>
<context>
    <name>CatalogManagerDialog</name>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Add</source>
        <translation>&amp;Ongeza</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Change selected</source>
        <translation>&amp;Badilisha kilichochaguliwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Days</source>
        <translation>&amp;Siku</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;From</source>
        <translation>&amp;Kuanzia</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;GB</source>
        <translation>&amp;GB</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Kind</source>
        <translation>&amp;Aina</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Name</source>
        <translation>&amp;Jina</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Price</source>
        <translation>&amp;Bei</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>&amp;Retire selected</source>
        <translation>&amp;Ondoa kilichochaguliwa</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Bundle</source>
        <translation>Kifurushi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>C&amp;ode</source>
        <translation>M&amp;simbo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Catalog</source>
        <translation>Orodha ya vifurushi</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Choose a bundle or plan in the list first</source>
        <translation>Chagua kwanza kifurushi au mpango kwenye orodha</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Code</source>
        <translation>Msimbo</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Kind</source>
        <translation>Aina</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Plan</source>
        <translation>Mpango</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Price</source>
        <translation>Bei</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Saved: {code}</source>
        <translation>Imehifadhiwa: {code}</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>Since</source>
        <translation>Tangu</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>State</source>
        <translation>Hali</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>active</source>
        <translation>hai</translation>
    </message>
    <message>
        <location filename="../../konnect_pos/ui/counter/catalog_manager.py"/>
        <source>retired</source>
        <translation>imeondolewa</translation>
    </message>
</context>
<context>
    <name>ReceiptMessageDialog</name>
    <message>
        <source>Send receipt {number}</source>
        <translation>Tuma risiti {number}</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Simu:</translation>
    </message>
    <message>
        <source>Send by:</source>
        <translation>Tuma kwa:</translation>
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
        <translation>Tuma (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Funga (Esc)</translation>
    </message>
    <message>
        <source>SMS parts: {n}</source>
        <translation>Sehemu za SMS: {n}</translation>
    </message>
    <message>
        <source>WhatsApp: one message</source>
        <translation>WhatsApp: ujumbe mmoja</translation>
    </message>
    <message>
        <source>WhatsApp message queued for {phone}</source>
        <translation>Ujumbe wa WhatsApp umewekwa foleni kwa {phone}</translation>
    </message>
    <message>
        <source>SMS queued for {phone} (parts: {n})</source>
        <translation>SMS imewekwa foleni kwa {phone} (sehemu: {n})</translation>
    </message>
</context>
<context>
    <name>SendReceiptButton</name>
    <message>
        <source>Send by SMS… (Ctrl+Shift+M)</source>
        <translation>Tuma kwa SMS… (Ctrl+Shift+M)</translation>
    </message>
</context>
</TS>
