<#-- THIRD-PARTY.txt: one line per bundled library, grouped by license; CAaRT's own modules are left out -->
Third-party software bundled with CAaRT
(generated from the Maven dependencies by license-maven-plugin; each library keeps its own license)
<#list licenseMap as e>
<#assign projects = e.getValue()?filter(p -> p.groupId != "org.caart")/>
<#if projects?size gt 0>

${e.getKey()}:
<#list projects as p>
  - ${p.name!p.artifactId} (${p.groupId}:${p.artifactId}:${p.version})<#if p.url??> ${p.url}</#if>
</#list>
</#if>
</#list>
