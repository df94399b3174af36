<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<!-- English needs a catalog only for counted messages (%n): Qt picks "record" or "records". -->
<context>
    <name>SyncController</name>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/sync_status.py" line="73"/>
        <source>Not linked to HQ · %n record(s) waiting</source>
        <translation>
            <numerusform>Not linked to HQ · %n record waiting</numerusform>
            <numerusform>Not linked to HQ · %n records waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/sync_status.py" line="83"/>
        <source>Offline · %n record(s) waiting · last sync {time}</source>
        <translation>
            <numerusform>Offline · %n record waiting · last sync {time}</numerusform>
            <numerusform>Offline · %n records waiting · last sync {time}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanBox</name>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/plan_box.py" line="81"/>
        <source>{plan}: {fee} every %n day(s)</source>
        <translation>
            <numerusform>{plan}: {fee} a day</numerusform>
            <numerusform>{plan}: {fee} every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../konnect_pos/ui/plan_box.py" line="133"/>
        <source>%n day(s) left to pay the fee</source>
        <translation>
            <numerusform>%n day left to pay the fee</numerusform>
            <numerusform>%n days left to pay the fee</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message numerus="yes">
        <source>{plan}: {fee} every %n day(s)</source>
        <translation>
            <numerusform>{plan}: {fee} a day</numerusform>
            <numerusform>{plan}: {fee} every %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message numerus="yes">
        <source>{plan}: {fee} every %n day(s)</source>
        <translation>
            <numerusform>{plan}: {fee} a day</numerusform>
            <numerusform>{plan}: {fee} every %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
